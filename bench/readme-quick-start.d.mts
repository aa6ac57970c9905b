export function quickStartConfig(readme?: string): unknown;
