// Fails fast when scripts run on a Node other than the pinned Node 24 devDependency.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  console.error(`Recoup needs Node 24 LTS, but this is Node ${process.versions.node}. Run scripts through pnpm (scripts/pnpm.sh), which puts the project's Node 24 first on PATH.`);
  process.exit(1);
}
