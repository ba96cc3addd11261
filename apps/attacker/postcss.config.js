export { default } from "@seven-steps/config/postcss";
