export default definePageConfig({
  navigationBarTitleText: '民情速递站',
  enableShareAppMessage: true,
})
