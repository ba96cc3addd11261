import { AppHeader } from "@seven-steps/ui/app-header";
import { PageNotFound } from "@seven-steps/ui/page-not-found";

export default function NotFound() {
  return <PageNotFound header={<AppHeader role="resource-server" title="PhotoCloud API" />} appName="PhotoCloud API" />;
}
