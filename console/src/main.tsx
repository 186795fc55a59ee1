import { App as AntApp, ConfigProvider } from "antd";
import viVN from "antd/locale/vi_VN";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import { SessionProvider } from "./auth/session.tsx";
import { loadConfig } from "./config.ts";
import "./format.ts";
import "./styles.css";

const root = createRoot(document.getElementById("root") as HTMLElement);
const config = await loadConfig();
root.render(
  <ConfigProvider locale={viVN} theme={{ token: { colorPrimary: "#1d4f91", colorLink: "#1d4f91", colorTextDescription: "rgba(0, 0, 0, 0.65)", colorTextTertiary: "rgba(0, 0, 0, 0.65)", fontFamily: "'Noto Sans', 'DejaVu Sans', system-ui, sans-serif" } }}>
    <AntApp>
      <SessionProvider config={config}>
        <App />
      </SessionProvider>
    </AntApp>
  </ConfigProvider>,
);
