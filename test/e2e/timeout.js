// Starting the app may build the h5 bundle first (about a minute); browser flows take a while.
jest.setTimeout(300000)
