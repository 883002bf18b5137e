import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Grade } from '../../../shared/review/rubric';

const COLOURS: Record<Grade, string> = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' };

export function GradeTag({ grade }: { grade: Grade }) {
  const { t } = useTranslation('results');
  return (
    <Tag color={COLOURS[grade]} data-grade={grade}>
      {t(`review.grades.${grade}`)}
    </Tag>
  );
}
