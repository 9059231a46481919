export default definePageConfig({
  navigationBarTitleText: '垃圾分类积分',
})
