/**
 * The category a dispatch sends: only a correction. The model learns from the category a
 * dispatcher sets, so sending the unchanged one would count as a confirmation nobody made;
 * and the server cannot clear a category, so an emptied field means "leave it".
 */
export function correctedCategory(current: number | null, chosen: number | null | undefined): number | undefined {
  return chosen !== null && chosen !== undefined && chosen !== current ? chosen : undefined;
}
