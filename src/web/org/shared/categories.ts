/**
 * Suggested matter categories for charters and the responsibility list: the 15 first-level
 * classes of the national taxonomy and the urban-management event classes (DOMAIN.md §2).
 * Only suggestions — the fields accept any category, and later issues make the catalogue data.
 */
export const suggestedCategories: readonly string[] = [
  '城乡建设', '农村农业', '政法', '教育文体', '劳动和社会保障', '民政', '党务政务', '经济管理', '卫生计生',
  '商贸旅游', '环境保护', '交通运输', '纪检监察', '国土资源', '科技与信息产业',
  '市容环境', '宣传广告', '施工管理', '街面秩序', '突发事件',
];

export const categoryOptions = suggestedCategories.map((c) => ({ value: c, label: c }));
