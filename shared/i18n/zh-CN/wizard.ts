export const wizard = {
  title: '欢迎使用行政执法监督工作台',
  subtitle: '首次使用，请填写本机关信息。这些信息用于文书编号、数据包署名和向上级报送。',
  steps: { organ: '本机关', division: '区划与上级', confirm: '确认', keys: '交换密钥' },
  fields: {
    name: '机关名称',
    namePlaceholder: '例如：某某县司法局',
    shortName: '机关简称',
    shortNameHelp: '用于文书编号前缀，例如“县司”生成“县司执监〔2026〕3号”。',
    level: '行政级别',
    kind: '机关类别',
    field: '执法领域',
    divisionCode: '行政区划代码',
    divisionCodeHelp: '6 位数字，乡镇级机关填写所在县（区）的代码。',
    superiorName: '上级机关名称',
    superiorNamePlaceholder: '例如：某某市司法局',
    superiorCode: '上级机关区划代码',
  },
  confirmIntro: '请核对以下信息，保存后可在“设置”中修改。',
  submit: '保存，下一步',
  keys: {
    intro:
      '最后一步：生成本机关的签名密钥和加密密钥。向上级报送、接收下级报送的交换包和回执都用它签名和加密；私钥只保存在本机。',
    later: '只在本机管理案卷的，可以暂不生成，以后在“数据交换 → 密钥与信任”中设置。',
    generate: '生成密钥并开始使用',
    skip: '暂不生成，开始使用',
  },
  saved: '本机关信息已保存',
};
