import { Button, Result, Spin } from "antd";
import { lazy, Suspense, type ReactNode } from "react";
import { createHashRouter, Navigate, NavLink, Outlet, RouterProvider } from "react-router";
import type { Role } from "./api/client.ts";
import { HOME, useSession } from "./auth/session.tsx";
import { SignInPage } from "./auth/sign-in-page.tsx";
import { APP_TITLE, MESSAGES, ROLE_LABELS } from "./text.ts";

const UploadPage = lazy(() => import("./court/upload-page.tsx"));
const SearchPage = lazy(() => import("./staff/search-page.tsx"));
const CasePage = lazy(() => import("./staff/case-page.tsx"));
const ReviewPage = lazy(() => import("./staff/review-page.tsx"));
const MatterPage = lazy(() => import("./staff/matter-page.tsx"));
const CreditCasesPage = lazy(() => import("./staff/credit-cases-page.tsx"));
const DashboardPage = lazy(() => import("./leader/dashboard-page.tsx"));

const NAV: Record<Role, Array<[string, string]>> = {
  court: [["/toa-an", "Gửi bản án"]],
  staff: [
    ["/ho-so", "Tìm hồ sơ"],
    ["/xem-xet", "Hồ sơ cần xem xét"],
    ["/tin-dung", "Án tín dụng"],
  ],
  leader: [
    ["/bao-cao", "Báo cáo 6 tháng"],
    ["/ho-so", "Tìm hồ sơ"],
    ["/tin-dung", "Án tín dụng"],
  ],
};

function Layout() {
  const { user, signOut } = useSession();
  if (!user) return <Navigate to="/dang-nhap" replace />;
  return (
    <>
      <a className="skip-link" href="#main">
        Bỏ qua đến nội dung chính
      </a>
      <header className="header-bar">
        <p className="brand">{APP_TITLE}</p>
        <nav aria-label="Chức năng">
          {NAV[user.role].map(([to, label]) => (
            <NavLink key={to} to={to} end={to === "/ho-so"}>
              {label}
            </NavLink>
          ))}
        </nav>
        <span>
          {user.username} · {ROLE_LABELS[user.role]}
        </span>
        <Button size="small" onClick={signOut}>
          {MESSAGES.signOut}
        </Button>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Suspense fallback={<Spin aria-label={MESSAGES.loading} />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}

/** A page only some roles open; the API refuses the others anyway. */
function For({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user } = useSession();
  if (user && !roles.includes(user.role)) return <Result status="403" title="403" subTitle={MESSAGES.forbidden} />;
  return children;
}

function Home() {
  const { user } = useSession();
  return <Navigate to={user ? HOME[user.role] : "/dang-nhap"} replace />;
}

const router = createHashRouter([
  { path: "/dang-nhap", element: <SignInPage /> },
  {
    element: <Layout />,
    children: [
      { index: true, element: <Home /> },
      { path: "/toa-an", element: <For roles={["court"]}><UploadPage /></For> },
      { path: "/ho-so", element: <For roles={["staff", "leader"]}><SearchPage /></For> },
      { path: "/ho-so/:caseId", element: <For roles={["staff", "leader"]}><CasePage /></For> },
      { path: "/xem-xet", element: <For roles={["staff", "leader"]}><ReviewPage /></For> },
      { path: "/viec/:matterId", element: <For roles={["staff", "leader"]}><MatterPage /></For> },
      { path: "/tin-dung", element: <For roles={["staff", "leader"]}><CreditCasesPage /></For> },
      { path: "/bao-cao", element: <For roles={["leader"]}><DashboardPage /></For> },
      { path: "*", element: <Home /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
