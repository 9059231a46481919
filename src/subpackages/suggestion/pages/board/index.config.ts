export default definePageConfig({
  navigationBarTitleText: '议事长廊',
})
