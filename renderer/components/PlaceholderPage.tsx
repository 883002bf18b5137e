import { Card, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

type Feature = 'dashboard' | 'dossiers' | 'clues' | 'reviews' | 'documents' | 'packages' | 'registries';

/** An honest empty page: what this screen will hold, until it does. */
export function PlaceholderPage({ feature }: { feature: Feature }) {
  const { t } = useTranslation('shell');
  return (
    <Card className="page-placeholder">
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <Tag color="blue" style={{ marginBottom: 12 }}>
              {t('comingSoon')}
            </Tag>
            <div data-testid="placeholder-text">{t(`placeholder.${feature}`)}</div>
          </>
        }
      />
    </Card>
  );
}
