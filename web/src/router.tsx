import { lazy, Suspense } from "react";
import { createBrowserRouter, useParams } from "react-router-dom";
import { RequireAuth } from "./auth/RequireAuth";
import { AppShell } from "./components/AppShell";
import { PageLoading } from "./components/PageLoading";
import { NotFoundPage, RoleGate, RouteErrorPage } from "./components/RouteErrors";
import { RoleLanding } from "./pages/resident/RoleLanding";

const LoginPage = lazy(() => import("./pages/login/LoginPage"));
const HomePage = lazy(() => import("./pages/home/HomePage"));
const WorkListPage = lazy(() => import("./pages/home/WorkListPage"));
const RegionsPage = lazy(() => import("./pages/regions/RegionsPage"));
const ResidentHome = lazy(() => import("./pages/resident/ResidentHome"));
const SubmitDemandPage = lazy(() => import("./pages/resident/SubmitDemandPage"));
const MyDemandsPage = lazy(() => import("./pages/resident/MyDemandsPage"));
const ResidentOrderPage = lazy(() => import("./pages/resident/ResidentOrderPage"));
const RatePage = lazy(() => import("./pages/resident/RatePage"));
const TrackPage = lazy(() => import("./pages/resident/TrackPage"));
const GridHome = lazy(() => import("./pages/grid/GridHome"));
const GridReportPage = lazy(() => import("./pages/grid/GridReportPage"));
const GridDeadlinesPage = lazy(() => import("./pages/grid/GridDeadlinesPage"));
const GridOrderPage = lazy(() => import("./pages/grid/GridOrderPage"));
const OperatorIntakePage = lazy(() => import("./pages/operator/OperatorIntakePage"));
const CommandCentrePage = lazy(() => import("./pages/command/CommandCentrePage"));
const UnitInboxPage = lazy(() => import("./pages/unit/UnitInboxPage"));
const SupervisorPage = lazy(() => import("./pages/supervisor/SupervisorPage"));
const AdminPage = lazy(() => import("./pages/admin/AdminPage"));
const AuditLogPage = lazy(() => import("./pages/admin/AuditLogPage"));
const IntegrationsPage = lazy(() => import("./pages/integrations/IntegrationsPage"));
const DashboardPage = lazy(() => import("./pages/dashboard/DashboardPage"));
const LedgersPage = lazy(() => import("./pages/ledgers/LedgersPage"));
const ChannelIntakePage = lazy(() => import("./pages/channels/ChannelIntakePage"));
const CommunityWorkPage = lazy(() => import("./pages/fieldwork/CommunityWorkPage"));
const DiaryPage = lazy(() => import("./pages/fieldwork/DiaryPage"));
const TopicPage = lazy(() => import("./pages/fieldwork/TopicPage"));
const ServicesPage = lazy(() => import("./pages/resident/ServicesPage"));
const ApplyPage = lazy(() => import("./pages/resident/ApplyPage"));
const MyApplicationsPage = lazy(() => import("./pages/resident/MyApplicationsPage"));
const ResidentApplicationPage = lazy(() => import("./pages/resident/ResidentApplicationPage"));
const ReviewPage = lazy(() => import("./pages/services/ReviewPage"));
const ReviewApplicationPage = lazy(() => import("./pages/services/ReviewApplicationPage"));
const PartyPage = lazy(() => import("./pages/party/PartyPage"));
const JointPage = lazy(() => import("./pages/joint/JointPage"));
const PublicProjectsPage = lazy(() => import("./pages/resident/PublicProjectsPage"));
const NotificationSettingsPage = lazy(() => import("./pages/notifications/NotificationSettingsPage"));
const PublicDemandMapPage = lazy(() => import("./pages/resident/PublicDemandMapPage"));
const PublishingPage = lazy(() => import("./pages/publishing/PublishingPage"));
const PublicTopicsPage = lazy(() => import("./pages/resident/PublicTopicsPage"));
const PublicRatesPage = lazy(() => import("./pages/resident/PublicRatesPage"));

/** A page only the roles of menu entry `path` may open. */
const gated = (path: string, page: React.ReactNode) => <RoleGate path={path}>{page}</RoleGate>;

/** `/channels/:channel`, gated by that channel's menu entry. */
function ChannelRoute() {
  const { channel = "" } = useParams();
  return gated(`/channels/${channel}`, <ChannelIntakePage />);
}

export const router = createBrowserRouter([
  {
    path: "/login",
    errorElement: <RouteErrorPage />,
    element: (
      <Suspense fallback={<PageLoading fullscreen />}>
        <LoginPage />
      </Suspense>
    ),
  },
  // Public: the return-visit rating link and tracking by order number + phone (no account needed).
  ...["/rate/:token", "/track"].map((path) => ({
    path,
    errorElement: <RouteErrorPage />,
    element: (
      <Suspense fallback={<PageLoading fullscreen />}>
        {path === "/track" ? <TrackPage /> : <RatePage />}
      </Suspense>
    ),
  })),
  // 碑林发布: what the district publishes, with no sign-in.
  ...(
    [
      ["/public/projects", <PublicProjectsPage key="projects" />],
      ["/public/projects/:id", <PublicProjectsPage key="projects" />],
      ["/public/map", <PublicDemandMapPage key="map" />],
      ["/public/topics", <PublicTopicsPage key="topics" />],
      ["/public/rates", <PublicRatesPage key="rates" />],
    ] as const
  ).map(([path, page]) => ({
    path,
    errorElement: <RouteErrorPage />,
    element: <Suspense fallback={<PageLoading fullscreen />}>{page}</Suspense>,
  })),
  {
    path: "/",
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          {
            index: true,
            element: (
              <RoleLanding>
                <HomePage />
              </RoleLanding>
            ),
          },
          { path: "work/:key", element: gated("/", <WorkListPage />) },
          {
            path: "regions",
            element: (
              <RoleGate path="/regions">
                <RegionsPage />
              </RoleGate>
            ),
          },
          { path: "resident", element: gated("/resident", <ResidentHome />) },
          { path: "resident/new", element: gated("/resident/new", <SubmitDemandPage />) },
          { path: "resident/orders", element: gated("/resident/orders", <MyDemandsPage />) },
          { path: "resident/orders/:id", element: gated("/resident/orders", <ResidentOrderPage />) },
          { path: "resident/services", element: gated("/resident/services", <ServicesPage />) },
          { path: "resident/services/:id", element: gated("/resident/services", <ApplyPage />) },
          { path: "resident/applications", element: gated("/resident/services", <MyApplicationsPage />) },
          {
            path: "resident/applications/:id",
            element: gated("/resident/services", <ResidentApplicationPage />),
          },
          { path: "services", element: gated("/services", <ReviewPage />) },
          { path: "services/applications/:id", element: gated("/services", <ReviewApplicationPage />) },
          { path: "grid", element: gated("/grid", <GridHome />) },
          { path: "grid/report", element: gated("/grid/report", <GridReportPage />) },
          { path: "grid/deadlines", element: gated("/grid/deadlines", <GridDeadlinesPage />) },
          { path: "grid/orders/:id", element: gated("/grid", <GridOrderPage />) },
          { path: "operator", element: gated("/operator", <OperatorIntakePage />) },
          { path: "command", element: gated("/command", <CommandCentrePage />) },
          { path: "channels/:channel", element: <ChannelRoute /> },
          { path: "unit", element: gated("/unit", <UnitInboxPage />) },
          { path: "supervision", element: gated("/supervision", <SupervisorPage />) },
          { path: "publishing", element: gated("/publishing", <PublishingPage />) },
          { path: "admin", element: gated("/admin", <AdminPage />) },
          { path: "audit", element: gated("/audit", <AuditLogPage />) },
          { path: "integrations", element: gated("/integrations", <IntegrationsPage />) },
          { path: "dashboard", element: gated("/dashboard", <DashboardPage />) },
          { path: "ledgers", element: gated("/ledgers", <LedgersPage />) },
          { path: "fieldwork/community", element: gated("/fieldwork/community", <CommunityWorkPage />) },
          { path: "fieldwork/diary", element: gated("/fieldwork/diary", <DiaryPage />) },
          { path: "party", element: gated("/party", <PartyPage />) },
          { path: "joint", element: gated("/joint", <JointPage />) },
          { path: "fieldwork/topics", element: gated("/fieldwork/topics", <TopicPage />) },
          // Everyone's own: channels, matters and quiet hours (opened from the bell or the user menu).
          { path: "notifications/settings", element: <NotificationSettingsPage /> },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
