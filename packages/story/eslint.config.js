import base from "@seven-steps/config/eslint/base";

export default base;
