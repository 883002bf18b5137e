import { Spin } from 'antd';
import { useCallback } from 'react';
import { Route, Routes, useNavigate } from 'react-router';
import { useCommand } from '../../app/commands';
import { DossierProvider } from '../dossiers/data/use-store';
import '../followup/work.css';
import { CampaignForm } from './CampaignForm';
import { CampaignList } from './CampaignList';
import { CampaignView } from './CampaignView';

/** 专项监督与执法检查: the campaigns, a new plan, and a campaign's progress, under /campaigns. */
export default function CampaignsPage() {
  const navigate = useNavigate();
  useCommand(
    'new',
    useCallback(() => navigate('/campaigns/new'), [navigate]),
  );
  return (
    <DossierProvider fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
      <Routes>
        <Route index element={<CampaignList />} />
        <Route path="new" element={<CampaignForm />} />
        <Route path=":id" element={<CampaignView />} />
      </Routes>
    </DossierProvider>
  );
}
