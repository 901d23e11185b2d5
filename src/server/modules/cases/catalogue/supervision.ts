/**
 * Matters of the supervision channel (纪检监察): they never become public cases and are
 * not offered to outside systems (case-submitter refuses 举报 in them; a dispatcher cannot
 * move a case into them).
 */
export function isSupervisionCategory(path: string): boolean {
  return path === '纪检监察' || path.startsWith('纪检监察/');
}
