import { Spin } from 'antd';
import { Route, Routes } from 'react-router';
import { DossierProvider } from './data/use-store';
import { DossierDetail } from './detail/DossierDetail';
import { DossierForm } from './form/DossierForm';
import { DossierList } from './list/DossierList';
import './dossiers.css';

/** 监督案卷: the list, a dossier's page, and the forms, under /dossiers. */
export default function DossiersPage() {
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
