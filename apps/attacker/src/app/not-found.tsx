import { PageNotFound } from "@seven-steps/ui/page-not-found";
import { MalloryHeader } from "@/components/mallory-header";

export default function NotFound() {
  return <PageNotFound header={<MalloryHeader />} appName="Mallory's Prints" />;
}
