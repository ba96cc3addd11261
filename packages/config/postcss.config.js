// Tailwind CSS 4 runs as a PostCSS plugin; every app re-exports this file.
export default {
  plugins: { "@tailwindcss/postcss": {} },
};
