import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import DashboardPage from './DashboardPage';

const ScorecardPage = lazy(() => import('./ScorecardPage'));

/** 工作台 and its scorecards, under /dashboard. */
export default function ResultsPage() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route path="scorecards" element={<ScorecardPage />} />
    </Routes>
  );
}
