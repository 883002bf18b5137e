import { Spin } from 'antd';
import { useCallback } from 'react';
import { Route, Routes, useNavigate } from 'react-router';
import { useCommand } from '../../app/commands';
import { DossierProvider } from './data/use-store';
import { DossierDetail } from './detail/DossierDetail';
import { DossierForm } from './form/DossierForm';
import { DossierList } from './list/DossierList';
import './dossiers.css';

/** 监督案卷: the list, a dossier's page, and the forms, under /dossiers. */
export default function DossiersPage() {
  const navigate = useNavigate();
  // Ctrl+N registers a dossier from anywhere in the feature.
  useCommand(
    'new',
    useCallback(() => navigate('/dossiers/new'), [navigate]),
  );
  return (
    <DossierProvider fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
      <Routes>
        <Route index element={<DossierList />} />
        <Route path="new" element={<DossierForm mode="new" />} />
        <Route path=":id/edit" element={<DossierForm mode="edit" />} />
        <Route path=":id" element={<DossierDetail />} />
      </Routes>
    </DossierProvider>
  );
}
