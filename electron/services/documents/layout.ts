import type { FontRole } from '../../../shared/documents/model';

/**
 * GB/T 9704-2012 page geometry and type, in one place for both renderers.
 * A4; 天头 37 mm, 订口 28 mm; type area 156 × 225 mm; 22 lines of 28 characters.
 */
export const PAGE = { widthMm: 210, heightMm: 297 } as const;
export const MARGIN = { topMm: 37, leftMm: 28, rightMm: 210 - 28 - 156, bottomMm: 297 - 37 - 225 } as const;
export const TYPE_AREA = { widthMm: 156, heightMm: 225 } as const;
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

export const MM_PER_PT = 25.4 / 72;
export const mmToPt = (mm: number) => mm / MM_PER_PT;
export const mmToTwip = (mm: number) => Math.round(mmToPt(mm) * 20);

/** 3号 16 pt body, 2号 22 pt title, 4号 14 pt page numbers and version block. */
export const SIZE_PT = { body: 16, title: 22, small: 14 } as const;

/** 225 mm over 22 lines: 28.95 pt, which Word writes as a 579-twip grid pitch. */
export const LINE_PITCH_PT = mmToPt(TYPE_AREA.heightMm) / LINES_PER_PAGE;
/** 156 mm over 28 characters: 15.79 pt, slightly under the 16 pt face. */
export const CHAR_PITCH_PT = mmToPt(TYPE_AREA.widthMm) / CHARS_PER_LINE;

/** GB/T 9704 red; the organ mark, the rules and (in print) the seal use it. */
export const RED = 'E60012';

/**
 * Fonts by role, most wanted first. The GB2312 faces are what offices install; Windows
 * ships the plain ones; Linux has Noto CJK. Noto Serif Bold stands in for 小标宋.
 */
export const FONT_STACKS: Record<FontRole, readonly string[]> = {
  fang: [
    '仿宋_GB2312',
    'FangSong_GB2312',
    '仿宋',
    'FangSong',
    'STFangsong',
    'Noto Serif CJK SC',
    'NotoSerifCJKsc-Regular',
    'Source Han Serif SC',
  ],
  title: [
    '方正小标宋简体',
    'FZXiaoBiaoSong-B05S',
    '方正小标宋_GBK',
    '华文中宋',
    'STZhongsong',
    'Noto Serif CJK SC Bold',
    'NotoSerifCJKsc-Bold',
    'Source Han Serif SC Bold',
  ],
  hei: ['黑体', 'SimHei', 'STHeiti', 'Noto Sans CJK SC', 'NotoSansCJKsc-Regular', 'Source Han Sans SC'],
  kai: [
    '楷体_GB2312',
    'KaiTi_GB2312',
    '楷体',
    'KaiTi',
    'STKaiti',
    'AR PL UKai CN',
    'Noto Serif CJK SC',
    'NotoSerifCJKsc-Regular',
  ],
  song: ['宋体', 'SimSun', 'NSimSun', 'STSong', 'Noto Serif CJK SC', 'NotoSerifCJKsc-Regular'],
};

/**
 * What a Word file names for each role, with the alternate Word and WPS fall back to
 * when the first is missing (w:altName in the font table).
 */
export const DOCX_FONTS: Record<FontRole, { name: string; altName: string; panose: string }> = {
  fang: { name: '仿宋_GB2312', altName: '仿宋', panose: '02010609030101010101' },
  title: { name: '方正小标宋简体', altName: '华文中宋', panose: '02000000000000000000' },
  hei: { name: '黑体', altName: 'SimHei', panose: '02010609060101010101' },
  kai: { name: '楷体_GB2312', altName: '楷体', panose: '02010609030101010101' },
  song: { name: '宋体', altName: 'SimSun', panose: '02010600030101010101' },
};

/** Size of the red organ mark: large, but never wider than the type area. */
export function organMarkSizePt(mark: string, format: 'redHeader' | 'letter'): number {
  const chars = Math.max(1, [...mark].length);
  const cap = format === 'redHeader' ? 44 : 30;
  const fit = (mmToPt(TYPE_AREA.widthMm) * 0.96) / chars;
  return Math.max(18, Math.min(cap, Math.floor(fit)));
}
