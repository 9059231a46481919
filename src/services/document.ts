// Opening a stored document (the household cards' PDF): weapp downloads it from cloud storage and
// opens it in WeChat's viewer (print or send it from there); h5 opens it in a new tab.
import Taro from '@tarojs/taro'
import { ensureCloud } from './cloud'
import { imageUrl } from './image-url'

export class DocumentError extends Error {}

export async function openPdf(fileId: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    ensureCloud()
    try {
      const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: fileId })
      await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: true })
    } catch {
      throw new DocumentError('没能打开 PDF，请检查网络后再试')
    }
    return
  }
  const opened = window.open(pdfUrl(fileId), '_blank')
  if (!opened) throw new DocumentError('浏览器拦住了新窗口：请点下面的链接打开')
}

/** h5: the PDF's address, for a plain link */
export function pdfUrl(fileId: string): string {
  return imageUrl(fileId)
}
