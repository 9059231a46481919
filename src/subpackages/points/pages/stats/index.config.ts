export default definePageConfig({
  navigationBarTitleText: '分类统计',
})
