/** One message per contract error code, plus field-level validation messages. */
export const errors = {
  codes: {
    VALIDATION_FAILED: '填写的内容有误，请检查标出的字段。',
    UNKNOWN_CHANNEL: '程序内部调用了不存在的功能，请更新软件。',
    FORBIDDEN_SENDER: '来源不可信的调用已被拒绝。',
    NOT_FOUND: '找不到要操作的记录或文件。',
    CONFLICT: '操作与现有数据冲突，请刷新后重试。',
    CANCELLED: '操作已取消。',
    IO_ERROR: '读写文件失败（{{detail}}），请检查文件和磁盘。',
    DISK_FULL: '磁盘空间不足，操作未完成，数据保持原样。',
    NOT_CONFIGURED: '请先设置本机关信息。',
    INTERNAL: '发生意外错误，详细信息已写入日志文件。',
  },
  fields: {
    required: '请填写此项',
    tooShort: '内容太短',
    tooLong: '内容太长',
    invalid: '格式不正确',
    divisionCode: {
      format: '区划代码应为 6 位数字',
      province: '区划代码的前两位不是有效的省级代码',
      level: '区划代码与所选行政级别不符（省级以 0000 结尾，市级以 00 结尾，县级和乡镇级不以 00 结尾）',
    },
    field: { required: '行业主管部门请选择执法领域' },
    superior: { required: '请填写上级机关' },
    date: { invalid: '日期格式不正确' },
    dossier: {
      classified: '涉密事项不得在本软件中登记和处理，请通过涉密信息系统办理。',
      classifiedMarking: '内容带有密级标志，涉密信息不得录入本软件。',
      subjectRequired: '请至少选择一个被监督执法主体或机关',
      deadlineBeforeRegistration: '办理期限不能早于登记日期',
    },
    finding: {
      category: '请选择问题类别和具体问题',
      requirementRequired: '需要整改的问题请填写整改要求',
    },
    calendar: { otherYear: '日期不在该年度内', duplicate: '日期重复' },
  },
};
