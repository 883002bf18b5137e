/** 案卷交换包、机关密钥与证书、回执 */
export const packages = {
  dialog: {
    exportPackage: '保存案卷交换包',
    importPackages: '选择要导入的案卷交换包',
    importFolder: '选择存放交换包的文件夹（如 U 盘）',
    writeReceipt: '保存回执',
    importReceipt: '选择回执文件',
    exportCertificate: '保存本机关证书',
    importCertificate: '选择其他机关的证书',
    writeBackup: '保存密钥备份',
    restoreBackup: '选择密钥备份文件',
  },
  fileTypes: {
    package: '案卷交换包',
    receipt: '回执',
    receiptPrefix: '回执',
    certificate: '机关证书',
    keyBackup: '密钥备份',
  },
  progress: {
    verifying: '正在核验发送机关和签名',
    decrypting: '正在解密并校验文件',
    encrypting: '正在加密并写入交换包',
  },
  protection: {
    system: '由操作系统密钥库保护',
    passphrase: '由口令保护',
    systemUnavailable: '本机没有可用的系统密钥库，请设置口令保护密钥。',
  },
  certificate: {
    status: {
      'new-organ': '新的机关',
      'new-key': '已信任机关的新密钥（未经原密钥确认，请务必电话核对）',
      rotation: '已信任机关更换的密钥（原密钥已确认）',
      'already-trusted': '已在信任列表中',
    },
    readBack: '请与对方电话逐组核对以下指纹，一致后再确认导入：',
  },
  cli: {
    package: '交换包',
    format: '格式版本',
    sender: '发送机关',
    recipient: '接收机关',
    created: '制作时间',
    files: '文件',
    signature: '签名',
    valid: '有效',
    content: '内容',
    verified: '已逐字节解密校验',
    notChecked: '未校验（未提供 --key）',
    writtenTo: '已写入',
  },
  exportStatus: {
    sent: '已发出',
    delivered: '已送达',
  },
};
