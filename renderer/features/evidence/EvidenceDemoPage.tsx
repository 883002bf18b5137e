import { Alert, Spin } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { call } from '../../api/client';
import { db } from '../../db/database';
import { EvidencePanel } from './EvidencePanel';

/**
 * The evidence panel on its own, for the e2e suite until the dossier detail page mounts
 * it. It exists only under the test harness; in the app the route leads back home.
 */
export default function EvidenceDemoPage() {
  const { t } = useTranslation('evidence');
  const { dossierId = '' } = useParams();
  const [runtime, setRuntime] = useState<string | null>(null);
  useEffect(() => {
    void call('app.info').then((info) => setRuntime(info.runtime));
  }, []);
  const dossier = useLiveQuery(async () => (await db().dossiers.get(dossierId)) ?? null, [dossierId]);

  if (runtime === null || dossier === undefined) return <Spin />;
  if (runtime !== 'harness') return <Navigate to="/dashboard" replace />;
  if (!dossier) return <Alert type="error" title={t('demo.missing')} />;
  return (
    <>
      <h2 data-testid="demo-dossier-title">{dossier.title}</h2>
      <EvidencePanel dossierId={dossier.id} readOnly={dossier.status === 'archived'} />
    </>
  );
}
