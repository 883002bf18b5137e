export const settings = {
  title: '设置',
  office: { title: '本机关信息', description: '修改后，新生成的文书和数据包将使用新的信息。' },
  language: { title: '界面语言', description: '切换后，界面、菜单和提示立即使用所选语言。' },
  about: { title: '关于本软件' },
};
