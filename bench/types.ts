// One section of `npm run bench` output: a title and the lines printed under it.
export interface BenchSection {
  title: string;
  lines: string[];
}
