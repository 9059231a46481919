// Demo data for the local cloud, written once into an empty store.
import type { Store } from '../local-cloud/src'
import { activitiesSeed } from './activities'
import { placesSeed } from './places'
import { pointsSeed } from './points'
import { suggestionsSeed } from './suggestions'
import { personaUsers } from './users'

export type SeedData = Record<string, object[]>

/** Every demo collection, built for a given "now" so relative dates (overdue, this month) stay alive. */
export function demoData(now: Date): SeedData {
  const places = placesSeed()
  const suggestions = suggestionsSeed(now, places)
  const points = pointsSeed(now, places.households, places.collectionPoints)
  const activities = activitiesSeed(now, places.communities)
  return {
    communities: places.communities,
    estates: places.estates,
    buildings: places.buildings,
    households: places.households,
    collectionPoints: places.collectionPoints,
    users: [...personaUsers(now), ...suggestions.users, ...points.users],
    suggestions: suggestions.suggestions,
    suggestionComments: suggestions.suggestionComments,
    suggestionSeconds: suggestions.suggestionSeconds,
    messages: suggestions.messages,
    pointsAccounts: [...suggestions.pointsAccounts, ...points.pointsAccounts],
    pointsLedger: [...suggestions.pointsLedger, ...points.pointsLedger],
    rewards: points.rewards,
    sortingRecords: points.sortingRecords,
    pointsMonths: points.pointsMonths,
    sortingPointDays: points.sortingPointDays,
    sortingBuildingMonths: points.sortingBuildingMonths,
    activities: activities.activities,
    activitySignUps: activities.activitySignUps,
    volunteerHours: activities.volunteerHours,
  }
}

/** Seeds an empty store; returns false (and writes nothing) when it already holds data. */
export function seedIfEmpty(store: Store, now = new Date()): boolean {
  if (!store.isEmpty()) return false
  // One transaction, so one journal line: a crash mid-seed leaves an empty store, seeded next start.
  store.atomically((tx) => {
    for (const [collection, docs] of Object.entries(demoData(now))) {
      if (docs.length) store.insert(collection, docs, tx)
    }
  })
  return true
}
