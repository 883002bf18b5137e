import { Spin } from 'antd';
import { useCallback } from 'react';
import { Route, Routes, useNavigate } from 'react-router';
import { useCommand } from '../../app/commands';
import { DossierProvider } from '../dossiers/data/use-store';
import '../followup/work.css';
import { ClueDetail } from './ClueDetail';
import { ClueForm } from './ClueForm';
import { ClueList } from './ClueList';

/** 问题线索: the register, a clue's page with its assessment, and registration, under /clues. */
export default function CluesPage() {
  const navigate = useNavigate();
  useCommand(
    'new',
    useCallback(() => navigate('/clues/new'), [navigate]),
  );
  return (
    <DossierProvider fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
      <Routes>
        <Route index element={<ClueList />} />
        <Route path="new" element={<ClueForm />} />
        <Route path=":id" element={<ClueDetail />} />
      </Routes>
    </DossierProvider>
  );
}
