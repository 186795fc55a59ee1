import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Navigate, useNavigate } from "react-router";
import { HOME, useSession } from "./session.tsx";
import { APP_TITLE, MESSAGES } from "../text.ts";

export function SignInPage() {
  const { user, signIn, confirmMfa, notice } = useSession();
  const [askCode, setAskCode] = useState(false);
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (user) return <Navigate to={HOME[user.role]} replace />;

  const submit = async ({ username, password, code }: { username: string; password: string; code?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const signedIn = askCode ? await confirmMfa((code ?? "").trim()) : await signIn(username.trim(), password);
      if (signedIn === "mfa") setAskCode(true);
      else void navigate(HOME[signedIn.role], { replace: true });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="page" style={{ maxWidth: 420, paddingTop: 48 }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {APP_TITLE}
        </Typography.Title>
        {notice && <Alert type="warning" title={notice} style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={(values: { username: string; password: string; code?: string }) => void submit(values)} requiredMark={false}>
          <Form.Item label={MESSAGES.username} name="username" rules={[{ required: true, message: "Nhập tên đăng nhập" }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={MESSAGES.password} name="password" rules={[{ required: true, message: "Nhập mật khẩu" }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {askCode && (
            <Form.Item label={MESSAGES.mfaCode} name="code" rules={[{ required: true, pattern: /^\d{6}$/, message: "Nhập 6 chữ số" }]}>
              <Input autoComplete="one-time-code" inputMode="numeric" autoFocus />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={busy} block>
            {MESSAGES.signIn}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
