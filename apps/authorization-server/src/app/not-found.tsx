import { PageNotFound } from "@seven-steps/ui/page-not-found";
import { AccountHeader } from "@/components/account-header";

export default function NotFound() {
  return <PageNotFound header={<AccountHeader user={null} />} appName="PhotoCloud Accounts" />;
}
