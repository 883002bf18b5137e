import { BulbOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Clue } from '../../../shared/clues/clue';
import { getClue } from '../../db/work/clues';
import { useDossiers } from '../dossiers/data/use-store';
import type { DossierPanelProps } from '../dossiers/detail/extra-panels';
// Dossier panels load without the work pages: they bring the styles they use.
import '../followup/work.css';

/** On a dossier opened from a clue: which clue, from where, and a link back. */
export default function ClueOriginPanel({ record }: DossierPanelProps) {
  const { t } = useTranslation(['clues', 'dossiers']);
  const { db } = useDossiers();
  const clueId = record.dossier.links.clueId ?? '';
  const [clue, setClue] = useState<Clue | null | undefined>(undefined);
  useEffect(() => {
    void getClue(db, clueId).then((c) => setClue(c ?? null));
  }, [db, clueId]);
  // A received dossier's clue stays with the office that registered it.
  if (!clue) return null;
  return (
    <Alert
      style={{ marginTop: 16 }}
      type="info"
      icon={<BulbOutlined />}
      showIcon
      title={t('clues:origin.title')}
      description={t('clues:origin.text', {
        number: clue.number,
        source: t(`dossiers:sources.${clue.source}`),
        receivedOn: clue.receivedOn,
      })}
      action={
        <Link to={`/clues/${clue.id}`} data-testid="clue-origin-link">
          {t('clues:origin.open')}
        </Link>
      }
      data-testid="clue-origin"
    />
  );
}
