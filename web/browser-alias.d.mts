export declare const browserAlias: Record<string, string>;
