import { Spin } from 'antd';
import { Route, Routes } from 'react-router';
import { DossierProvider } from '../dossiers/data/use-store';
import { ScoreSheet } from './ScoreSheet';
import { SessionList } from './SessionList';
import { SessionPage } from './SessionPage';
import './reviews.css';

/** 案卷评查: sessions and rubrics, a session's files and results, and a file's score sheet, under /reviews. */
export default function ReviewsPage() {
  return (
    <DossierProvider fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
      <Routes>
        <Route index element={<SessionList />} />
        <Route path=":id" element={<SessionPage />} />
        <Route path=":id/files/:fileId" element={<ScoreSheet />} />
      </Routes>
    </DossierProvider>
  );
}
