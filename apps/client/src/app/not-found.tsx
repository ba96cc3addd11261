import { PageNotFound } from "@seven-steps/ui/page-not-found";
import { ClientHeader } from "@/components/client-header";

export default function NotFound() {
  return <PageNotFound header={<ClientHeader user={null} />} appName="PrintShop" />;
}
