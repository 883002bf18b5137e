export const shell = {
  nav: {
    dashboard: '工作台',
    dossiers: '监督案卷',
    clues: '问题线索',
    campaigns: '专项监督',
    enterprise: '涉企检查',
    followup: '待办督办',
    reviews: '案卷评查',
    documents: '文书',
    packages: '数据交换',
    registries: '基础名录',
    settings: '设置',
  },
  placeholder: {
    dashboard:
      '这里将显示监督事项统计：按类型、状态和月份的事项数，问题类别分布，整改按期率，逾期事项，以及下级机关对比。',
    dossiers:
      '这里将列出本机关及下级报送的全部监督案卷，可按类型、状态、机关、执法主体、是否逾期筛选，并支持中文检索。',
    clues: '这里将登记和研判各来源的问题线索：12345 热线、涉企诉求、信访、举报、纪检监察移送等。',
    reviews: '这里将开展案卷评查：选择评查标准，逐项打分，自动计算总分和等次。',
    documents: '这里将起草、预览和签发监督通知书、意见书、决定书等文书，按 GB/T 9704 版式生成 DOCX 和 PDF。',
    packages: '这里将向上级机关导出签名加密的案卷数据包，导入并核验下级报送的数据包，并处理回执。',
    registries: '这里将维护机关、执法主体、执法人员和监督员名录，支持从 Excel 导入导出。',
  },
  comingSoon: '建设中',
  officeMissing: '尚未设置本机关信息',
  skipToContent: '跳到主要内容',
  about: {
    title: '关于',
    body: '行政执法监督工作台：在本机离线管理监督案卷、工作流程、文书和数据交换。',
    version: '版本 {{version}}',
  },
  status: {
    offline: '离线工作',
    office: '本机关：{{name}}',
    diskFree: '磁盘可用 {{free}}',
    diskLow: '磁盘空间即将用完：仅剩 {{free}}',
    dataUsage: '本机数据库占用 {{used}}',
    persisted: '浏览器存储已设为持久保存，不会被自动清理。',
    notPersisted: '浏览器存储未设为持久保存：磁盘空间紧张时可能被清理，请定期备份。',
  },
};
