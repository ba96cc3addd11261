"use client";

// The lab runs in the browser only: it reads the address bar and the tab's sessionStorage, and
// sends its requests with the browser's fetch. A server render would have none of these.
import dynamic from "next/dynamic";

function LoadingLab() {
  return <p className="text-xl text-muted">Loading the lab…</p>;
}

export const LabStart = dynamic(() => import("./lab-start").then((module) => module.LabStart), {
  ssr: false,
  loading: LoadingLab,
});

export const LabCallback = dynamic(() => import("./lab-callback").then((module) => module.LabCallback), {
  ssr: false,
  loading: LoadingLab,
});
