import next from "@seven-steps/config/eslint/next";

export default next;
