import {
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  BulbOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FlagOutlined,
  FolderOpenOutlined,
  SettingOutlined,
  ShopOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { lazy, type ReactNode } from 'react';

export type NavKey =
  | 'dashboard'
  | 'dossiers'
  | 'clues'
  | 'campaigns'
  | 'enterprise'
  | 'followup'
  | 'reviews'
  | 'documents'
  | 'packages'
  | 'registries'
  | 'settings';

export interface NavRoute {
  key: NavKey;
  path: string;
  icon: ReactNode;
  /** Pages are lazy components: they load on first visit, keeping start-up small. */
  element: ReactNode;
}

const SettingsPage = lazy(() => import('../features/settings/SettingsPage'));
const DocumentsPage = lazy(() => import('../features/documents/DocumentsPage'));
const RegistriesPage = lazy(() => import('../features/registries/RegistriesPage'));
const DossiersPage = lazy(() => import('../features/dossiers/DossiersPage'));
const DashboardPage = lazy(() => import('../features/dashboard/ResultsPage'));
const ReviewsPage = lazy(() => import('../features/reviews/ReviewsPage'));
const CluesPage = lazy(() => import('../features/clues/CluesPage'));
const CampaignsPage = lazy(() => import('../features/campaigns/CampaignsPage'));
const EnterprisePage = lazy(() => import('../features/enterprise/EnterprisePage'));
const FollowUpPage = lazy(() => import('../features/followup/FollowUpPage'));
const PackagesPage = lazy(() => import('../features/packages/PackagesPage'));

/** The left navigation, in order. Each feature replaces its placeholder with its pages. */
export const NAV_ROUTES: NavRoute[] = [
  {
    key: 'dashboard',
    path: '/dashboard',
    icon: <DashboardOutlined />,
    element: <DashboardPage />,
  },
  { key: 'dossiers', path: '/dossiers', icon: <FolderOpenOutlined />, element: <DossiersPage /> },
  { key: 'clues', path: '/clues', icon: <BulbOutlined />, element: <CluesPage /> },
  { key: 'campaigns', path: '/campaigns', icon: <FlagOutlined />, element: <CampaignsPage /> },
  { key: 'enterprise', path: '/enterprise', icon: <ShopOutlined />, element: <EnterprisePage /> },
  { key: 'followup', path: '/followup', icon: <BellOutlined />, element: <FollowUpPage /> },
  { key: 'reviews', path: '/reviews', icon: <AuditOutlined />, element: <ReviewsPage /> },
  {
    key: 'documents',
    path: '/documents',
    icon: <FileTextOutlined />,
    element: <DocumentsPage />,
  },
  { key: 'packages', path: '/packages', icon: <SwapOutlined />, element: <PackagesPage /> },
  {
    key: 'registries',
    path: '/registries',
    icon: <ApartmentOutlined />,
    element: <RegistriesPage />,
  },
  { key: 'settings', path: '/settings', icon: <SettingOutlined />, element: <SettingsPage /> },
];
