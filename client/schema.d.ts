// Generated from the API's OpenAPI document by `npm run client:generate`: do not edit.
// Regenerate after changing a route; `npm run client:check` fails while this file is stale.
export interface paths {
    "/v1/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Settings"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        useAllotments?: boolean;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Settings"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The caller's organization and all its descendants (admins: all), by id; with ?q= those whose name contains it (case and accents ignored), by name. Accept: text/csv exports every matching organization. */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    parentId?: string;
                    /** @description Part of the name (prefix or substring); case and accents are ignored */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list (JSON), or every row matching the filters (Accept: text/csv) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Organization"][];
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** @description Admins create anywhere; managers create below their organization (default parent: their own). responseAllotment, ltiService, package and memberLimit are admin-only (403 FORBIDDEN naming them). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateOrganization"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organization"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organization"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** @description A new parentId moves the whole subtree. responseAllotment, ltiService, package and memberLimit are admin-only (403 FORBIDDEN naming them). */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** Format: uuid */
                        parentId?: string | null;
                        /** @enum {string} */
                        responseAllotment?: "none" | "can_be_purchased";
                        ltiService?: boolean;
                        /** @enum {string} */
                        package?: "basic" | "advanced" | "premium";
                        memberLimit?: number | null;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organization"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["User"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** @description Admin only. Managers need organizationId; admins have none. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateUser"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserDetail"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** @description Changes a user's name, role, organization and assessment links (assessmentIds replaces them). Admins change anyone; everyone else only their own name (403 FORBIDDEN naming the admin-only fields). A manager needs an organization and an admin has none (400 naming organizationId); the last active admin keeps the role (409 CONFLICT). Applies from the user's next request; their tokens stay. */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PatchUser"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserDetail"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/users/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Admin only. The user's tokens answer 401 UNAUTHENTICATED from the next request on; nothing else of theirs changes. Repeating it answers the user as it is. The last active admin cannot be deactivated (409 CONFLICT). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserDetail"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Admin only. The user's tokens that were not revoked work again. Repeating it answers the user as it is. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserDetail"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The user's tokens, revoked ones included, never their secrets (which are not stored). Admins for anyone, everyone for themselves. */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["TokenInfo"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** @description Admins for anyone, everyone for themselves. The secret is shown once and stored only as a hash: a repeat with the same Idempotency-Key answers 409 IDEMPOTENCY_SECRET_WITHHELD naming the token created, never the secret again. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Token"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** @description Revokes a token at once. Admins for anyone, everyone for their own tokens. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description State changes of one entity, oldest first. Managers see events of their organizations only. */
        get: {
            parameters: {
                query: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    entity: string;
                    id: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AuditEvent"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A bulk job (bulk invite, group import) with its progress and per-row errors. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reconciliation/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Rows that need attention: they still say they are live (a sale pending, approved or active, a campaign active, …) while the workflow that keeps them has ended. Found by the reconciliation schedule (every 15 minutes), cleared by its next run once the row is no longer live or its workflow runs again. Admins see all, managers their organizations'. */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    kind?: "sale" | "response" | "purchase" | "campaign" | "subscription" | "aggregator" | "job";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ReconciliationFinding"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stripe/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Stripe events, verified by the Stripe-Signature header (400 INVALID_SIGNATURE, also for a timestamp more than 5 minutes ahead) and parsed as Stripe documents them (400 VALIDATION_FAILED naming what is missing). checkout.session.completed and payment_intent.succeeded pay a purchase when they are its payment (id, amount, currency); charge.refunded and charge.dispute.created take units back; each event id is applied once. */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "stripe-signature"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            received: boolean;
                            /** @enum {string} */
                            result: "applied" | "duplicate" | "ignored";
                        };
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Endpoints in the caller's scope (admins: all), by id. */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    organizationId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list (JSON), or every row matching the filters (Accept: text/csv) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["WebhookEndpoint"][];
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** @description Registers a URL for events. Admins for any organization or, without organizationId, for all; managers for organizations in their scope. The secret is shown once. A URL that resolves to a loopback, private or link-local address is refused (422 URL_NOT_ALLOWED). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateWebhookEndpoint"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpoint"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** @description Removes the endpoint: nothing more is sent to it; its pending retries end. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** @description Changes the URL, the events, the description, or enables/disables it (an endpoint a 410 disabled is enabled again this way). */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PatchWebhookEndpoint"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpoint"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description A new secret, shown once. For 24 hours the previous one keeps signing beside it (two v1 signatures in webhook-signature). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The endpoint's delivery attempts, newest first: event, attempt number, time, HTTP status or error, duration, next retry. */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    eventId?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list (JSON), or every row matching the filters (Accept: text/csv) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["WebhookAttempt"][];
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Events in the caller's scope, newest first (managers: their organizations' events). */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    type?: "purchase.paid" | "purchase.expired" | "allotment.credited" | "allotment.low_balance" | "allotment.exhausted" | "response.completed" | "response.expired" | "sale.registered" | "sale.approved" | "sale.rejected" | "sale.activated" | "sale.cancelled" | "key.issued" | "key.renewed" | "subscription.created" | "subscription.updated" | "campaign.code_redeemed" | "campaign.closed" | "access.claimed" | "aggregator.tariff_assigned" | "aggregator.backfill_completed" | "aggregator.deactivated";
                    organizationId?: string;
                    /** @description Events at or after this instant (ISO 8601) */
                    since?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list (JSON), or every row matching the filters (Accept: text/csv) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Event"][];
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Event"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Sends the event again, delivered before or not: to endpointId, or to every enabled endpoint in your scope that receives it. Each redelivery has a new delivery id (webhook-id). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        endpointId?: string;
                    };
                };
            };
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Redelivery"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/distributions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The catalog, readable by every signed-in user. */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Distribution"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** @description Admin only. A catalog entry sales are registered against, e.g. "IT PRO / Practice Test". */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateDistribution"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Distribution"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/distributions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Distribution"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Sales of the caller's organization and its descendants (admins and site approvers: all). Accept: text/csv exports every matching sale (its distributions, with numberOfUsers and seatsUsed, as JSON in one column). */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    status?: "pending_approval" | "approved" | "active" | "rejected" | "cancelled";
                    organizationId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list (JSON), or every row matching the filters (Accept: text/csv) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Sale"][];
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** @description Registers a subscription-plan sale (managers: for their organization or a descendant). The customer is an existing organization or one created in the same transaction; it must have ltiService (422 LTI_SERVICE_REQUIRED), which only an admin sets (a manager sending customer.newOrganization.ltiService: 403 FORBIDDEN). Prices are computed from the catalog. The sale starts pending approval; every approver who may decide it, and every admin, is e-mailed. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateSale"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SaleDetail"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sales/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The sale with its comment thread and the customer's contacts and users. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SaleDetail"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** @description Changes name, customerPoNumber, orderNumber, billed, and the activation date while the sale is pending approval or approved (409 INVALID_STATE after). cancellationDate, distributions and numberOfUsers answer 422 IMMUTABLE_FIELD. */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PatchSale"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SaleDetail"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/sales/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Appends to the sale's comment thread. Anyone who can read the sale may comment. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CommentInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SaleComment"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sales/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Approvers and admins only. Pending → approved; the registering user is e-mailed. Anything but a pending sale answers 409 INVALID_STATE. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SaleDetail"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sales/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Approvers and admins only. Pending → rejected with a reason; the lifecycle ends. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RejectSale"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SaleDetail"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sales/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Admin only. An active sale ends now instead of at its cancellation date, with a reason: every key is revoked, the sale's workflow ends and the registering user is e-mailed the reason. Answers once the sale is cancelled; anything but an active sale answers 409 INVALID_STATE. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CancelSale"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SaleDetail"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sales/{id}/launches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Called by the delivery system (admin or manager in scope) when a user of the customer launches a test. The first launch issues the user's key (201), valid keyLengthDays and renewed automatically until the sale ends; a relaunch returns the same key (200). Only while the sale is active (409 INVALID_STATE); at most numberOfUsers users per distribution (409 SEATS_EXHAUSTED). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Launch"];
                };
            };
            responses: {
                /** @description The user's existing key */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LicenceKey"];
                    };
                };
                /** @description Issued */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LicenceKey"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sales/{id}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The sale's licence keys with their status; ?userEmail= the keys of one user (any case). Accept: text/csv exports every matching key. */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    distributionId?: string;
                    userEmail?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list (JSON), or every row matching the filters (Accept: text/csv) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["LicenceKey"][];
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Licence keys across every sale the caller may read (a manager: the sales of their organization and its descendants), each with its saleId; ?userEmail= one user's keys (any case), ?saleId=, ?distributionId= narrow it. Accept: text/csv exports every matching key. */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    userEmail?: string;
                    saleId?: string;
                    distributionId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list (JSON), or every row matching the filters (Accept: text/csv) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["LicenceKeyInSale"][];
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/keys/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Public, no token: is this licence key valid, expired or revoked? Answers nothing about the sale or its customer. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LicenceKeyValidation"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sales/{id}/keys/{keyId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Admin only. One user's key stops at once, with a reason: the public check answers "revoked", the key is no longer renewed, and the user's relaunch answers the revoked key (no new one: the seat stays with it). A repeat answers the key as it is. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    keyId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RevokeKey"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LicenceKey"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sales/{id}/seats/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Admin only. A seat of an active sale goes from one user to another: the old user's key is revoked at once with the reason, and the new user's next launch issues their key on the seat. seatsUsed does not change. 409 SEAT_NOT_HELD when fromEmail holds no seat, SEAT_ALREADY_HELD when toEmail holds one (or had a key) on the distribution, INVALID_STATE when the sale is not active. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MoveSeat"];
                };
            };
            responses: {
                /** @description Moved */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SeatMove"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Admins: all; managers: the assessments they are linked to. */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Assessment"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** @description Admin only. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateAssessment"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Assessment"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assessments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Assessment"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** @description Admin only. pricingByCohort cannot change once the assessment has allotments or responses (409). */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @description Default expiry of an invitation; default 14 */
                        responseExpiryDays?: number;
                        /** @description Count cohorts instead of responses; default false */
                        pricingByCohort?: boolean;
                        /** @description The respondent's invitation link, e.g. https://assess.example/start/{token} (an http or https URL with exactly one {token}, else 422); null or absent: no invitation e-mails */
                        invitationUrlTemplate?: string | null;
                        /** @description The reminder goes this many days before a response expires; 0: no reminder; default 2 */
                        reminderDaysBeforeExpiry?: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Assessment"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/assessments/{id}/price-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The assessment's price lists, newest first: admins all of them, managers those linked to an organization in their scope. Accept: text/csv exports every matching list (its currencies as JSON). */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    /** @description Only the list linked to this organization */
                    organizationId?: string;
                    /** @description Only lists valid on this date (YYYY-MM-DD) */
                    validOn?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list (JSON), or every row matching the filters (Accept: text/csv) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PriceList"][];
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** @description Admin only. Bands per currency are ordered, non-overlapping, positive, and end open-ended (upTo: null). Dates are inclusive. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreatePriceList"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PriceList"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/price-lists/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PriceList"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** @description Admin only. A list no purchase has used is changed in place (200). A used list keeps the terms its purchases were priced with: the change makes a new version (201, a new id, version + 1, replacesId) that takes its place in every organization's link and in its successor chain; the old one answers replacedById and is not changed any more (409). validFrom of a successor and validTo of a list with a successor cannot move (400). A patch that changes nothing answers the list as it is (200). */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PatchPriceList"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PriceList"];
                    };
                };
                /** @description New version created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PriceList"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/price-lists/{id}/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Prices `quantity` units in `currency` on `date`. 409 NO_VALID_PRICE outside the validity window or for a currency the list lacks. */
        get: {
            parameters: {
                query: {
                    quantity: number;
                    currency: string;
                    /** @description Purchase date (YYYY-MM-DD); default today (UTC) */
                    date?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Quote"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/price-lists/{assessmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** @description Admin only. Links the organization to one price list for the assessment (replacing any earlier link). */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    assessmentId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        priceListId: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            organizationId: string;
                            /** Format: uuid */
                            assessmentId: string;
                            /** Format: uuid */
                            priceListId: string;
                        };
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/price-lists/{id}/successor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Admin only. A list that starts the day after this one ends (it needs a validTo: 409 otherwise) for the same assessment. Organizations linked to this list are quoted from the successor from its first day on, so purchases never fall into a gap. One successor per list (409 naming it). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateSuccessor"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PriceList"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/allotments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The ledger per organization × assessment: Available = Allocated − Used − Unexpired. */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    organizationId?: string;
                    assessmentId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Allotment"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/allotments/{organizationId}/{assessmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** @description Changes an allotment's settings (admins; managers of the organization). lowBalanceThreshold: when Available falls from above it to it or below, one allotment.low_balance event is recorded and the organization's managers are e-mailed; it re-arms once Available rises above it again. null: off. */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    organizationId: string;
                    assessmentId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateAllotment"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Allotment"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/allotments/purchases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The purchases the caller may see (admins: all; managers: their organizations and linked assessments), newest first, with their refunds and mismatched payments. clientSecret is always null here: GET the purchase for it. Accept: text/csv exports every matching purchase. */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    organizationId?: string;
                    assessmentId?: string;
                    status?: "pending_payment" | "payment_mismatch" | "paid" | "expired" | "granted";
                    paymentMethod?: "stripe" | "manual";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list (JSON), or every row matching the filters (Accept: text/csv) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Purchase"][];
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** @description Quotes with the linked price list and creates a Stripe PaymentIntent (clientSecret), or with checkout: true a Stripe-hosted Checkout Session (checkoutUrl; success and cancel pages under PUBLIC_BASE_URL), both with metadata.purchaseId; the units are allocated when Stripe confirms that very payment (id, amount and currency). Admins may grant with paymentMethod "manual" (no Stripe). Unpaid purchases expire after PURCHASE_PAYMENT_TIMEOUT_HOURS. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreatePurchase"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Purchase"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/allotments/purchases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Purchase"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/allotments/{organizationId}/{assessmentId}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The ledger of one allotment: every movement of its columns (allocation, reservation, completion, expiry, refund, dispute), oldest first, with when, who, what for, and the six columns after it. The last entry's columns are the allotment's. Accept: text/csv exports every matching entry. */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    kind?: "allocation" | "reservation" | "completion" | "expiry" | "refund" | "dispute";
                    /** @description Movements at or after this instant */
                    from?: string;
                    /** @description Movements before this instant */
                    to?: string;
                };
                header?: never;
                path: {
                    organizationId: string;
                    assessmentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list (JSON), or every row matching the filters (Accept: text/csv) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["LedgerEntry"][];
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Public: the response an invitation e-mail's link stands for, for the partner's assessment site (the token is the link's {token}). 404 for an unknown token; 410 INVITATION_COMPLETED or INVITATION_EXPIRED once the response is closed. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicInvitation"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The responses the caller may see (admins: all; managers: their organizations, for the assessments they are linked to), newest first. Accept: text/csv exports every matching response. */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    organizationId?: string;
                    assessmentId?: string;
                    cohortId?: string;
                    status?: "invited" | "completed" | "expired";
                    source?: "manual" | "bulk" | "cohort" | "share_link";
                    /** @description Part of the respondent's e-mail or name; case and accents are ignored */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list (JSON), or every row matching the filters (Accept: text/csv) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Response"][];
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assessments/{id}/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Manual entry. Holds one unit while open; 409 ALLOTMENT_EXHAUSTED (with available, unexpired, nextReleaseAt) at zero. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateResponse"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Response"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assessments/{id}/responses/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description text/csv with header `email,name` (optional `expiresAt` and `cohortId`). The whole file is validated first (errors by line number, the header is line 1) and refused whole when it needs more units than available; otherwise 202 and a job creates the invitations. Rows go into the cohort `?cohortId=` names unless their `cohortId` column names another; when the assessment is priced by cohort every row needs one. Send an Idempotency-Key to make re-sending safe. */
        post: {
            parameters: {
                query: {
                    organizationId: string;
                    cohortId?: string;
                    /** @description false: the partner sends its own invitations; no e-mail and no reminder. Default true */
                    notify?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "text/csv": string;
                };
            };
            responses: {
                /** @description Accepted: the job runs */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/responses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Response"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/responses/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Called by the delivery system (admin or manager token). An expired response is locked: 409 RESPONSE_EXPIRED. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Response"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/responses/{id}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Moves the expiry of an open response later. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        expiresAt: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Response"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assessments/{id}/cohorts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The assessment's cohorts in the caller's organizations (admins: all), newest first. Accept: text/csv exports every matching cohort. */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    organizationId?: string;
                    /** @description Part of the name; case and accents are ignored */
                    q?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list (JSON), or every row matching the filters (Accept: text/csv) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Cohort"][];
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** @description When the assessment is priced by cohort, a cohort is Used at creation (and never expires); its responses are then free. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        organizationId: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Cohort"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assessments/{id}/share-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The assessment's share links in the caller's organizations (admins: all), newest first, revoked ones included unless ?revoked=false. Never their tokens (stored only as hashes). Accept: text/csv exports every matching link. */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    organizationId?: string;
                    cohortId?: string;
                    revoked?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list (JSON), or every row matching the filters (Accept: text/csv) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ShareLink"][];
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** @description An unguessable public link; responses created through it count like any other. The token is shown only here (stored as a hash): a repeat with the same Idempotency-Key answers 409 IDEMPOTENCY_SECRET_WITHHELD naming the link created. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        organizationId: string;
                        /** Format: uuid */
                        cohortId?: string;
                        /** @description false: responses started through this link get no invitation e-mail and no reminder. Default true */
                        notify?: boolean;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            token: string;
                            path: string;
                        };
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cohorts/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description One response per respondent. Priced by response: each holds a unit (refused whole at zero). Priced by cohort: free. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        respondents: {
                            /** Format: email */
                            email: string;
                            name: string;
                        }[];
                        /** Format: date-time */
                        expiresAt?: string;
                        /** @description false: the partner sends its own invitations; no e-mail and no reminder. Default true */
                        notify?: boolean;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Response"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/share-links/{token}/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Public: a respondent starts a response through a share link. Answers only what the respondent needs; a revoked link answers 410 LINK_REVOKED. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "invited";
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/share-links/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Admins, and managers who may create links for its organization and assessment. From the next request its public path answers 410 LINK_REVOKED; responses already started through it stay. A repeat answers the link as it is (revokedAt unchanged). There is no un-revoke: create a new link. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ShareLink"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/redemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Public, limited per code (at least its redemptions a minute; unknown codes count against the caller's address). Redeems a campaign code: the user gets a subscription on the group's users plan with the 100 %-off promotion code. Unknown code 404; 409 CODE_EXPIRED, CODE_EXHAUSTED, CODE_DEACTIVATED, ALREADY_REDEEMED (this address redeemed this campaign), ALREADY_SUBSCRIBED (this address is in the group already) or INVALID_STATE (campaign not active yet). status pending: counted, the subscription is still being created in Stripe. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Redeem"];
                };
            };
            responses: {
                /** @description Redeemed */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Redemption"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/access-claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Public, limited per group (unknown groups count against the caller's address). From an address in the group's IP ranges (as the server sees it): 201, subscribed. Otherwise, an e-mail in one of its domains: 202, a six-digit code is e-mailed (valid 15 minutes, 5 tries) to confirm with POST /v1/public/access-claims/{id}/verify. Neither: 403. Once per address: a repeat answers 200 with the existing subscription. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ClaimAccess"];
                };
            };
            responses: {
                /** @description Already subscribed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccessClaim"];
                    };
                };
                /** @description Granted */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccessClaim"];
                    };
                };
                /** @description Code sent */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccessClaim"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/access-claims/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Public. Proves the e-mail address with the code it received: 201 subscribed (200 when it already was). A wrong code answers 422 VERIFICATION_FAILED with attemptsLeft; after 5 wrong ones 409 CODE_EXHAUSTED; after 15 minutes 409 CODE_EXPIRED. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["VerifyClaim"];
                };
            };
            responses: {
                /** @description Already subscribed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccessClaim"];
                    };
                };
                /** @description Granted */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccessClaim"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Admin only. */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Product"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** @description Admin only. Creates the product in Stripe (metadata.productId, idempotency key product-<id>) and mirrors it. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateProduct"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Product"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Admin only. The product with its plans. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Product"] & {
                            plans: components["schemas"]["Plan"][];
                        };
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products/{id}/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Admin only. A recurring Stripe price (metadata.planId, idempotency key plan-<id>). amount 0 makes a free plan. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreatePlan"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Plan"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Admin only. A Stripe customer (metadata.customerId, idempotency key customer-<id>). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateCustomer"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Customer"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Admin only. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Customer"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{id}/setup-intents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Admin only. Puts a card on file: a Stripe SetupIntent (off-session use) whose clientSecret Stripe.js confirms with the card (confirmCardSetup). When Stripe sends setup_intent.succeeded, the card becomes the customer's default (defaultPaymentMethodId) and subscriptions created without a collection charge it. The client secret is answered once and never stored (Cache-Control: no-store); a repeat with the same Idempotency-Key gets the same SetupIntent from Stripe. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SetupIntent"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Filters combine. Admins: all; managers: the subscriptions of the groups they run. */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    planId?: string;
                    groupId?: string;
                    customerId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Subscription"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** @description Admin only. A Stripe subscription (metadata.subscriptionId, idempotency key subscription-<id>), charged automatically or invoiced (send_invoice, due after daysUntilDue, default 30); without a collection, charged to the customer's default card when Stripe has one and invoiced otherwise. Its status is Stripe's, kept up to date by Stripe's events. A group owner's subscription is made this way. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateSubscription"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Subscription"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Subscription"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Admins: all; managers: groups linked to their organizations. */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    organizationId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Group"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** @description Admin only. Ties an owner (customer and their existing subscription) to the plan the group's users get. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateGroup"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Group"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Group"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/groups/{id}/access-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Replaces the group's rules. CIDR ranges are validated and normalised (203.0.113.7/24 → 203.0.113.0/24, a bare address is one host); domains are lower-cased without a leading @ or dots and match their subdomains. On a paid users plan the first rules also create a 100 %-off Stripe coupon (stripeCouponId) that claims subscribe with, so a claim is never charged. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SetAccessRules"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccessRules"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/groups/{id}/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description A list of users, as JSON `{ users: [{ email, name }] }` or text/csv with header `email,name`: one customer and subscription on the group's free users plan per new address; addresses already in the group are left alone, so re-running a list creates no duplicates. Answers 202 with the job (GET /v1/jobs/{id}); bad rows are reported by line (CSV: the header is line 1; JSON: the position in users, from 1). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["GroupImport"];
                    "text/csv": string;
                };
            };
            responses: {
                /** @description Accepted: the job runs */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/groups/{id}/imports/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The import job with every row's outcome: created, existing (already in the group), failed (with the reason) or pending. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    jobId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"] & {
                            created: number;
                            existing: number;
                            rows: {
                                line: number;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                status: "pending" | "created" | "existing" | "failed";
                                error: string | null;
                                /** Format: uuid */
                                subscriptionId: string | null;
                            }[];
                        };
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/groups/{id}/users/{subscriptionId}/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Removes a user from the group (admins, and managers of the group's organization): their subscription is canceled in Stripe (idempotency key subscription-<id>-cancel) and here (status canceled, removedAt, removedBy, removalReason), which frees their place in the group; a code they redeemed stays used. A repeat answers the removal as recorded. 409 INVALID_STATE while the subscription is still being created in Stripe, or when it never was; 503 when Stripe cannot be reached (nothing changed). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    /** @description The group user's subscription */
                    subscriptionId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RemoveGroupUser"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Subscription"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/groups/{id}/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Campaign"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** @description A coupon campaign on the group's users plan (workflow campaign-<id>): a 100 %-off Stripe coupon and either one shared code redeemable maxRedemptions times, or `count` unique single-use codes created in batches (progress: codesCreated). Status creating → active → closed at endsAt, or deactivated. Codes are unique forever, whatever their case. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateCampaign"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Every code that exists in Stripe (all of them once the campaign is active), in the order they were made: text/csv with columns code, maxRedemptions, redemptions (the default), or a page of JSON with Accept: application/json. ?redeemed=true: codes redeemed at least once; false: never redeemed. */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    redeemed?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The codes: all of them as CSV (default), or a page of JSON */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CampaignCode"][];
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Stops the campaign at once: its codes answer 409 CODE_DEACTIVATED from now on, no more codes are created, and the coupon is deleted in Stripe (subscriptions already made keep their discount). Repeating it is harmless; a closed campaign answers 409 INVALID_STATE. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/sends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description E-mails each recipient one unused code of an active unique-code campaign, as a job (GET /v1/jobs/{id}; every recipient's outcome at GET /v1/campaigns/{id}/sends/{jobId}). JSON `{ recipients: [{ email, name }] }` or text/csv with header `email,name`. An address is given one code of a campaign, ever: re-running a list gives nobody a second code or a second e-mail. Bad rows are reported by line (CSV: the header is line 1; JSON: the position in recipients, from 1); a recipient for whom no unused code is left fails. A shared-code campaign, or one that is not active, answers 409 INVALID_STATE. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["CampaignCodeSends"];
                    "text/csv": string;
                };
            };
            responses: {
                /** @description Accepted: the job runs */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/sends/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The sends job with every recipient's outcome: sent, already_sent, failed (with the reason) or pending, and the code each was given. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    jobId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"] & {
                            sent: number;
                            alreadySent: number;
                            recipients: {
                                line: number;
                                email: string;
                                name: string;
                                /**
                                 * @description sent: given a code by this list and e-mailed; already_sent: given its code by an earlier list (no second code, no second e-mail); failed: see error
                                 * @enum {string}
                                 */
                                status: "pending" | "sent" | "already_sent" | "failed";
                                /** @description The code the recipient was given (this list or an earlier one) */
                                code: string | null;
                                error: string | null;
                            }[];
                        };
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Subscriptions and redemptions segmented by product, plan, group or campaign, as JSON or CSV, with counts by status. subscriptions counts only what Stripe says is live (trialing, active, past_due). Admins see every segment (zeros included); managers the segments their groups account for. */
        get: {
            parameters: {
                query: {
                    /** @description product | plan | group | campaign */
                    groupBy: "product" | "plan" | "group" | "campaign";
                    /** @description csv, or send Accept: text/csv */
                    format?: "json" | "csv";
                    /** @description Only subscriptions created at or after this instant */
                    from?: string;
                    /** @description Only subscriptions created before this instant */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SubscriptionReport"];
                        "text/csv": string;
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/subscribers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Every subscriber, one row per subscription: customer, e-mail, product, plan, group, source (direct, import, shared_code, unique_code, ip, domain), status, live and dates. Filter by productId, planId, groupId, status and creation (from, to); groupBy orders the rows by product, plan or group. CSV (Accept: text/csv or format=csv) or JSON `{ generatedAt, items }`, streamed as it is read. Admins: every subscription; managers: those of their groups. */
        get: {
            parameters: {
                query?: {
                    /** @description Rows come segmented (ordered) by product, plan or group, then e-mail; default: by creation */
                    groupBy?: "product" | "plan" | "group";
                    productId?: string;
                    planId?: string;
                    groupId?: string;
                    /** @description Only this status (failed: released reservations, left out otherwise) */
                    status?: "pending" | "incomplete" | "trialing" | "active" | "past_due" | "unpaid" | "paused" | "canceled" | "incomplete_expired" | "failed";
                    /** @description csv, or send Accept: text/csv */
                    format?: "json" | "csv";
                    /** @description Only subscriptions created at or after this instant */
                    from?: string;
                    /** @description Only subscriptions created before this instant */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The subscribers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            generatedAt: string;
                            items: components["schemas"]["Subscriber"][];
                        };
                        "text/csv": string;
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tariffs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    organizationId?: string;
                    paymentFrequency?: "FREE" | "WEEKLY" | "BIWEEKLY" | "MONTHLY" | "QUARTERLY" | "HALF_YEARLY" | "YEARLY";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Tariff"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** @description A tariff of a studio with its payment frequency and the services it bundles. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateTariff"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Tariff"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tariffs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Tariff"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/aggregators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    organizationId?: string;
                    status?: "active" | "inactive";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Aggregator"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** @description An aggregator partner integration of a studio: active, no tariff. Starts its workflow aggregator-<id>. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateAggregator"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Aggregator"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/aggregators/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The integration with its assignment progress (profilesTotal, profilesDone, state). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Aggregator"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/aggregators/{id}/tariff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** @description Assigns a FREE tariff of the same studio (package advanced or higher: else 403 PACKAGE_REQUIRED; not FREE: 422 TARIFF_NOT_FREE). Every profile of the aggregator gets a contract on it, in batches; a different tariff moves them all; the same tariff again changes nothing (200). */
        put: {
            parameters: {
                query?: {
                    /** @description true: answer how many profiles the request would touch, and change nothing */
                    dryRun?: "0" | "1" | "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AssignTariff"];
                };
            };
            responses: {
                /** @description Nothing to change (the integration as it is), or the dry run */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Aggregator"] | components["schemas"]["AggregatorDryRun"];
                    };
                };
                /** @description Accepted: the backfill runs; follow profilesDone / state with GET */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Aggregator"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** @description Unassigns the tariff: the aggregator's contracts are terminated, in batches. Without a tariff this changes nothing (200). */
        delete: {
            parameters: {
                query?: {
                    /** @description true: answer how many profiles the request would touch, and change nothing */
                    dryRun?: "0" | "1" | "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Nothing to change (the integration as it is), or the dry run */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Aggregator"] | components["schemas"]["AggregatorDryRun"];
                    };
                };
                /** @description Accepted: the backfill runs; follow profilesDone / state with GET */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Aggregator"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/aggregators/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Final. Terminates the contracts based on the assigned tariff, removes the aggregator id from its profiles (they stay, as plain prospects) and sets status inactive. Deactivating again changes nothing (200). */
        post: {
            parameters: {
                query?: {
                    /** @description true: answer how many profiles the request would touch, and change nothing */
                    dryRun?: "0" | "1" | "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Nothing to change (the integration as it is), or the dry run */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Aggregator"] | components["schemas"]["AggregatorDryRun"];
                    };
                };
                /** @description Accepted: the backfill runs; follow profilesDone / state with GET */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Aggregator"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The profiles of the caller's organizations (admins: all); ?aggregatorId= those of one aggregator. Accept: text/csv exports every matching profile. */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    organizationId?: string;
                    aggregatorId?: string;
                    status?: "prospect" | "member" | "former";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list (JSON), or every row matching the filters (Accept: text/csv) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Profile"][];
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** @description A profile of a studio. Members count against memberLimit; aggregator profiles are prospects and get the aggregator's tariff in the same transaction. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateProfile"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Profile"] & {
                            /** Format: uuid */
                            contractId: string | null;
                        };
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/profiles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Profile"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** @description Becoming a member beyond memberLimit: 409 MEMBER_LIMIT_REACHED. Profiles of an aggregator stay prospects (422). */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PatchProfile"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Profile"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/profiles/{id}/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The profile's contracts, newest first: tariff, services, active or terminated (terminatedAt, terminationReason). Accept: text/csv exports every matching contract. */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page (opaque) */
                    cursor?: string;
                    limit?: number;
                    status?: "active" | "terminated";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the list (JSON), or every row matching the filters (Accept: text/csv) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Contract"][];
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/member-stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The studio's own profiles by status. Only members count against memberLimit; aggregator prospects never do. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MemberStats"];
                    };
                };
                /** @description Problem (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "purchase.paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * purchase.paid
         * @description Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PurchasePaidWebhook"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "purchase.expired": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * purchase.expired
         * @description Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PurchaseExpiredWebhook"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "allotment.credited": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * allotment.credited
         * @description Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AllotmentCreditedWebhook"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "allotment.low_balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * allotment.low_balance
         * @description Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AllotmentLowBalanceWebhook"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "allotment.exhausted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * allotment.exhausted
         * @description Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AllotmentExhaustedWebhook"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "response.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * response.completed
         * @description Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ResponseCompletedWebhook"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "response.expired": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * response.expired
         * @description Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ResponseExpiredWebhook"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "sale.registered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * sale.registered
         * @description Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SaleRegisteredWebhook"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "sale.approved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * sale.approved
         * @description Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SaleApprovedWebhook"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "sale.rejected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * sale.rejected
         * @description Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SaleRejectedWebhook"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "sale.activated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * sale.activated
         * @description Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SaleActivatedWebhook"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "sale.cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * sale.cancelled
         * @description Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SaleCancelledWebhook"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "key.issued": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * key.issued
         * @description Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["KeyIssuedWebhook"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "key.renewed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * key.renewed
         * @description Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["KeyRenewedWebhook"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * subscription.created
         * @description Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SubscriptionCreatedWebhook"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * subscription.updated
         * @description Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SubscriptionUpdatedWebhook"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "campaign.code_redeemed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * campaign.code_redeemed
         * @description Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CampaignCodeRedeemedWebhook"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "campaign.closed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * campaign.closed
         * @description Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CampaignClosedWebhook"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "access.claimed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * access.claimed
         * @description Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AccessClaimedWebhook"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "aggregator.tariff_assigned": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * aggregator.tariff_assigned
         * @description Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AggregatorTariffAssignedWebhook"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "aggregator.backfill_completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * aggregator.backfill_completed
         * @description Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AggregatorBackfillCompletedWebhook"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "aggregator.deactivated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * aggregator.deactivated
         * @description Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AggregatorDeactivatedWebhook"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        PurchasePaidWebhook: {
            /** @enum {string} */
            type: "purchase.paid";
            /**
             * Format: date-time
             * @description When the event happened (ISO 8601)
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                purchaseId: string;
                /** Format: uuid */
                organizationId: string;
                /** Format: uuid */
                assessmentId: string;
                quantity: number;
                amount: components["schemas"]["Money"];
            };
        };
        Money: {
            amount: number;
            currency: string;
        };
        PurchaseExpiredWebhook: {
            /** @enum {string} */
            type: "purchase.expired";
            /**
             * Format: date-time
             * @description When the event happened (ISO 8601)
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                purchaseId: string;
                /** Format: uuid */
                organizationId: string;
                /** Format: uuid */
                assessmentId: string;
                quantity: number;
            };
        };
        AllotmentCreditedWebhook: {
            /** @enum {string} */
            type: "allotment.credited";
            /**
             * Format: date-time
             * @description When the event happened (ISO 8601)
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                organizationId: string;
                /** Format: uuid */
                assessmentId: string;
                /** @enum {string} */
                unit: "response" | "cohort";
                units: number;
                /** Format: uuid */
                purchaseId: string | null;
                columns: components["schemas"]["AllotmentColumns"];
            };
        };
        AllotmentColumns: {
            allocated: number;
            invited: number;
            used: number;
            unexpired: number;
            expired: number;
            available: number;
        };
        AllotmentLowBalanceWebhook: {
            /** @enum {string} */
            type: "allotment.low_balance";
            /**
             * Format: date-time
             * @description When the event happened (ISO 8601)
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                organizationId: string;
                /** Format: uuid */
                assessmentId: string;
                /** @enum {string} */
                unit: "response" | "cohort";
                threshold: number;
                columns: components["schemas"]["AllotmentColumns"];
            };
        };
        AllotmentExhaustedWebhook: {
            /** @enum {string} */
            type: "allotment.exhausted";
            /**
             * Format: date-time
             * @description When the event happened (ISO 8601)
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                organizationId: string;
                /** Format: uuid */
                assessmentId: string;
                /** @enum {string} */
                unit: "response" | "cohort";
                columns: components["schemas"]["AllotmentColumns"];
            };
        };
        ResponseCompletedWebhook: {
            /** @enum {string} */
            type: "response.completed";
            /**
             * Format: date-time
             * @description When the event happened (ISO 8601)
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                responseId: string;
                /** Format: uuid */
                organizationId: string;
                /** Format: uuid */
                assessmentId: string;
                /** Format: uuid */
                cohortId: string | null;
            };
        };
        ResponseExpiredWebhook: {
            /** @enum {string} */
            type: "response.expired";
            /**
             * Format: date-time
             * @description When the event happened (ISO 8601)
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                responseId: string;
                /** Format: uuid */
                organizationId: string;
                /** Format: uuid */
                assessmentId: string;
                /** Format: uuid */
                cohortId: string | null;
            };
        };
        SaleRegisteredWebhook: {
            /** @enum {string} */
            type: "sale.registered";
            /**
             * Format: date-time
             * @description When the event happened (ISO 8601)
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                saleId: string;
                /** Format: uuid */
                organizationId: string;
                name: string;
                status: string;
            };
        };
        SaleApprovedWebhook: {
            /** @enum {string} */
            type: "sale.approved";
            /**
             * Format: date-time
             * @description When the event happened (ISO 8601)
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                saleId: string;
                /** Format: uuid */
                organizationId: string;
                status: string;
            };
        };
        SaleRejectedWebhook: {
            /** @enum {string} */
            type: "sale.rejected";
            /**
             * Format: date-time
             * @description When the event happened (ISO 8601)
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                saleId: string;
                /** Format: uuid */
                organizationId: string;
                status: string;
                reason: string;
            };
        };
        SaleActivatedWebhook: {
            /** @enum {string} */
            type: "sale.activated";
            /**
             * Format: date-time
             * @description When the event happened (ISO 8601)
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                saleId: string;
                /** Format: uuid */
                organizationId: string;
                status: string;
            };
        };
        SaleCancelledWebhook: {
            /** @enum {string} */
            type: "sale.cancelled";
            /**
             * Format: date-time
             * @description When the event happened (ISO 8601)
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                saleId: string;
                /** Format: uuid */
                organizationId: string;
                status: string;
                keysRevoked: number;
            };
        };
        KeyIssuedWebhook: {
            /** @enum {string} */
            type: "key.issued";
            /**
             * Format: date-time
             * @description When the event happened (ISO 8601)
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                saleId: string;
                /** Format: uuid */
                organizationId: string;
                /** Format: uuid */
                keyId: string;
                userEmail: string;
                expiresAt: string;
            };
        };
        KeyRenewedWebhook: {
            /** @enum {string} */
            type: "key.renewed";
            /**
             * Format: date-time
             * @description When the event happened (ISO 8601)
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                saleId: string;
                /** Format: uuid */
                organizationId: string;
                renewed: number;
            };
        };
        SubscriptionCreatedWebhook: {
            /** @enum {string} */
            type: "subscription.created";
            /**
             * Format: date-time
             * @description When the event happened (ISO 8601)
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                subscriptionId: string;
                /** Format: uuid */
                customerId: string;
                /** Format: uuid */
                planId: string;
                /** Format: uuid */
                groupId: string | null;
                status: string;
            };
        };
        SubscriptionUpdatedWebhook: {
            /** @enum {string} */
            type: "subscription.updated";
            /**
             * Format: date-time
             * @description When the event happened (ISO 8601)
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                subscriptionId: string;
                /** Format: uuid */
                customerId: string;
                /** Format: uuid */
                planId: string;
                /** Format: uuid */
                groupId: string | null;
                status: string;
                previousStatus: string | null;
            };
        };
        CampaignCodeRedeemedWebhook: {
            /** @enum {string} */
            type: "campaign.code_redeemed";
            /**
             * Format: date-time
             * @description When the event happened (ISO 8601)
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                campaignId: string;
                /** Format: uuid */
                groupId: string;
                /** Format: uuid */
                redemptionId: string;
                email: string;
                /** Format: uuid */
                subscriptionId: string | null;
            };
        };
        CampaignClosedWebhook: {
            /** @enum {string} */
            type: "campaign.closed";
            /**
             * Format: date-time
             * @description When the event happened (ISO 8601)
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                campaignId: string;
                /** Format: uuid */
                groupId: string;
                status: string;
                redemptions: number;
            };
        };
        AccessClaimedWebhook: {
            /** @enum {string} */
            type: "access.claimed";
            /**
             * Format: date-time
             * @description When the event happened (ISO 8601)
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                claimId: string;
                /** Format: uuid */
                groupId: string;
                via: string;
                /** Format: uuid */
                subscriptionId: string | null;
            };
        };
        AggregatorTariffAssignedWebhook: {
            /** @enum {string} */
            type: "aggregator.tariff_assigned";
            /**
             * Format: date-time
             * @description When the event happened (ISO 8601)
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                aggregatorId: string;
                /** Format: uuid */
                organizationId: string;
                /** Format: uuid */
                tariffId: string;
            };
        };
        AggregatorBackfillCompletedWebhook: {
            /** @enum {string} */
            type: "aggregator.backfill_completed";
            /**
             * Format: date-time
             * @description When the event happened (ISO 8601)
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                aggregatorId: string;
                /** Format: uuid */
                organizationId: string;
                /** Format: uuid */
                tariffId: string | null;
                profilesDone: number;
                /** @enum {string} */
                mode?: "assign" | "unassign" | "deactivate";
            };
        };
        AggregatorDeactivatedWebhook: {
            /** @enum {string} */
            type: "aggregator.deactivated";
            /**
             * Format: date-time
             * @description When the event happened (ISO 8601)
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                aggregatorId: string;
                /** Format: uuid */
                organizationId: string;
                contractsTerminated: number;
            };
        };
        PurchasePaidData: {
            /** Format: uuid */
            purchaseId: string;
            /** Format: uuid */
            organizationId: string;
            /** Format: uuid */
            assessmentId: string;
            quantity: number;
            amount: components["schemas"]["Money"];
        };
        PurchaseExpiredData: {
            /** Format: uuid */
            purchaseId: string;
            /** Format: uuid */
            organizationId: string;
            /** Format: uuid */
            assessmentId: string;
            quantity: number;
        };
        AllotmentCreditedData: {
            /** Format: uuid */
            organizationId: string;
            /** Format: uuid */
            assessmentId: string;
            /** @enum {string} */
            unit: "response" | "cohort";
            units: number;
            /** Format: uuid */
            purchaseId: string | null;
            columns: components["schemas"]["AllotmentColumns"];
        };
        AllotmentLowBalanceData: {
            /** Format: uuid */
            organizationId: string;
            /** Format: uuid */
            assessmentId: string;
            /** @enum {string} */
            unit: "response" | "cohort";
            threshold: number;
            columns: components["schemas"]["AllotmentColumns"];
        };
        AllotmentExhaustedData: {
            /** Format: uuid */
            organizationId: string;
            /** Format: uuid */
            assessmentId: string;
            /** @enum {string} */
            unit: "response" | "cohort";
            columns: components["schemas"]["AllotmentColumns"];
        };
        ResponseCompletedData: {
            /** Format: uuid */
            responseId: string;
            /** Format: uuid */
            organizationId: string;
            /** Format: uuid */
            assessmentId: string;
            /** Format: uuid */
            cohortId: string | null;
        };
        ResponseExpiredData: {
            /** Format: uuid */
            responseId: string;
            /** Format: uuid */
            organizationId: string;
            /** Format: uuid */
            assessmentId: string;
            /** Format: uuid */
            cohortId: string | null;
        };
        SaleRegisteredData: {
            /** Format: uuid */
            saleId: string;
            /** Format: uuid */
            organizationId: string;
            name: string;
            status: string;
        };
        SaleApprovedData: {
            /** Format: uuid */
            saleId: string;
            /** Format: uuid */
            organizationId: string;
            status: string;
        };
        SaleRejectedData: {
            /** Format: uuid */
            saleId: string;
            /** Format: uuid */
            organizationId: string;
            status: string;
            reason: string;
        };
        SaleActivatedData: {
            /** Format: uuid */
            saleId: string;
            /** Format: uuid */
            organizationId: string;
            status: string;
        };
        SaleCancelledData: {
            /** Format: uuid */
            saleId: string;
            /** Format: uuid */
            organizationId: string;
            status: string;
            keysRevoked: number;
        };
        KeyIssuedData: {
            /** Format: uuid */
            saleId: string;
            /** Format: uuid */
            organizationId: string;
            /** Format: uuid */
            keyId: string;
            userEmail: string;
            expiresAt: string;
        };
        KeyRenewedData: {
            /** Format: uuid */
            saleId: string;
            /** Format: uuid */
            organizationId: string;
            renewed: number;
        };
        SubscriptionCreatedData: {
            /** Format: uuid */
            subscriptionId: string;
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            planId: string;
            /** Format: uuid */
            groupId: string | null;
            status: string;
        };
        SubscriptionUpdatedData: {
            /** Format: uuid */
            subscriptionId: string;
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            planId: string;
            /** Format: uuid */
            groupId: string | null;
            status: string;
            previousStatus: string | null;
        };
        CampaignCodeRedeemedData: {
            /** Format: uuid */
            campaignId: string;
            /** Format: uuid */
            groupId: string;
            /** Format: uuid */
            redemptionId: string;
            email: string;
            /** Format: uuid */
            subscriptionId: string | null;
        };
        CampaignClosedData: {
            /** Format: uuid */
            campaignId: string;
            /** Format: uuid */
            groupId: string;
            status: string;
            redemptions: number;
        };
        AccessClaimedData: {
            /** Format: uuid */
            claimId: string;
            /** Format: uuid */
            groupId: string;
            via: string;
            /** Format: uuid */
            subscriptionId: string | null;
        };
        AggregatorTariffAssignedData: {
            /** Format: uuid */
            aggregatorId: string;
            /** Format: uuid */
            organizationId: string;
            /** Format: uuid */
            tariffId: string;
        };
        AggregatorBackfillCompletedData: {
            /** Format: uuid */
            aggregatorId: string;
            /** Format: uuid */
            organizationId: string;
            /** Format: uuid */
            tariffId: string | null;
            profilesDone: number;
            /** @enum {string} */
            mode?: "assign" | "unassign" | "deactivate";
        };
        AggregatorDeactivatedData: {
            /** Format: uuid */
            aggregatorId: string;
            /** Format: uuid */
            organizationId: string;
            contractsTerminated: number;
        };
        Settings: {
            useAllotments: boolean;
            /** @description Read-only: true when a Stripe secret key is configured */
            stripeConnected: boolean;
        };
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @example VALIDATION_FAILED */
            code: string;
            instance?: string;
            requestId?: string;
        } & {
            [key: string]: unknown;
        };
        Organization: {
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            parentId: string | null;
            /** @enum {string} */
            responseAllotment: "none" | "can_be_purchased";
            ltiService: boolean;
            /** @enum {string} */
            package: "basic" | "advanced" | "premium";
            memberLimit: number | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CreateOrganization: {
            name: string;
            /** Format: uuid */
            parentId?: string | null;
            /** @enum {string} */
            responseAllotment?: "none" | "can_be_purchased";
            ltiService?: boolean;
            /** @enum {string} */
            package?: "basic" | "advanced" | "premium";
            memberLimit?: number | null;
        };
        UserDetail: components["schemas"]["User"] & {
            assessmentIds: string[];
        };
        User: {
            /** Format: uuid */
            id: string;
            email: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "manager" | "approver";
            /** Format: uuid */
            organizationId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description False once deactivated: the user's tokens answer 401 until a reactivation */
            active: boolean;
            /** Format: date-time */
            deactivatedAt: string | null;
        };
        CreateUser: {
            /** Format: email */
            email: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "manager" | "approver";
            /** Format: uuid */
            organizationId?: string;
            assessmentIds?: string[];
        };
        PatchUser: {
            name?: string;
            /**
             * @description Admins only
             * @enum {string}
             */
            role?: "admin" | "manager" | "approver";
            /**
             * Format: uuid
             * @description Admins only. Managers need one, admins none (send null)
             */
            organizationId?: string | null;
            /** @description Admins only. Replaces the user's assessment links */
            assessmentIds?: string[];
        };
        TokenInfo: {
            /** Format: uuid */
            id: string;
            name: string | null;
            /** Format: uuid */
            userId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
        };
        Token: {
            /** Format: uuid */
            id: string;
            /** @description The secret: shown only in this answer */
            token: string;
            name: string | null;
            /** Format: uuid */
            userId: string;
            /** Format: date-time */
            createdAt: string;
        };
        AuditEvent: {
            id: number;
            /** Format: date-time */
            at: string;
            actor: string;
            entity: string;
            entityId: string;
            action: string;
            /** Format: uuid */
            organizationId: string | null;
            before?: unknown;
            after?: unknown;
        };
        Job: {
            /** Format: uuid */
            id: string;
            kind: string;
            /** @enum {string} */
            status: "running" | "completed" | "failed";
            total: number;
            processed: number;
            failed: number;
            errors: {
                line: number;
                message: string;
            }[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            finishedAt: string | null;
        };
        ReconciliationFinding: {
            /** @enum {string} */
            kind: "sale" | "response" | "purchase" | "campaign" | "subscription" | "aggregator" | "job";
            /**
             * Format: uuid
             * @description The id of the sale, response, purchase, campaign, subscription, aggregator integration or job
             */
            id: string;
            /** Format: uuid */
            organizationId: string | null;
            workflowId: string;
            /** @description The row's own status when it was found: unchanged by the reconciliation */
            status: string;
            /** @description COMPLETED, FAILED, CANCELLED, TERMINATED, TIMED_OUT or NOT_FOUND */
            workflowStatus: string;
            /** @enum {boolean} */
            needsAttention: true;
            reason: string;
            /** Format: date-time */
            foundAt: string;
            /** Format: date-time */
            checkedAt: string;
        };
        WebhookEndpointWithSecret: components["schemas"]["WebhookEndpoint"] & {
            /**
             * @description The signing secret (whsec_…), shown only in this answer
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
        };
        WebhookEndpoint: {
            /** Format: uuid */
            id: string;
            url: string;
            /** @description Event types, or ["*"] for every type */
            events: string[];
            /**
             * Format: uuid
             * @description null: every organization's events (admins only)
             */
            organizationId: string | null;
            description: string | null;
            /** @enum {string} */
            status: "enabled" | "disabled";
            /**
             * @description gone: the receiver answered 410; manual: PATCH status "disabled"
             * @enum {string|null}
             */
            disabledReason: "gone" | "manual" | null;
            /**
             * Format: date-time
             * @description After a rotation: until when the previous secret still signs beside the new one
             */
            previousSecretExpiresAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CreateWebhookEndpoint: {
            /** @example https://partner.example/hooks/partnerflow */
            url: string;
            events: ("*" | "purchase.paid" | "purchase.expired" | "allotment.credited" | "allotment.low_balance" | "allotment.exhausted" | "response.completed" | "response.expired" | "sale.registered" | "sale.approved" | "sale.rejected" | "sale.activated" | "sale.cancelled" | "key.issued" | "key.renewed" | "subscription.created" | "subscription.updated" | "campaign.code_redeemed" | "campaign.closed" | "access.claimed" | "aggregator.tariff_assigned" | "aggregator.backfill_completed" | "aggregator.deactivated")[];
            /** Format: uuid */
            organizationId?: string;
            description?: string;
        };
        PatchWebhookEndpoint: {
            /** @example https://partner.example/hooks/partnerflow */
            url?: string;
            events?: ("*" | "purchase.paid" | "purchase.expired" | "allotment.credited" | "allotment.low_balance" | "allotment.exhausted" | "response.completed" | "response.expired" | "sale.registered" | "sale.approved" | "sale.rejected" | "sale.activated" | "sale.cancelled" | "key.issued" | "key.renewed" | "subscription.created" | "subscription.updated" | "campaign.code_redeemed" | "campaign.closed" | "access.claimed" | "aggregator.tariff_assigned" | "aggregator.backfill_completed" | "aggregator.deactivated")[];
            description?: string | null;
            /** @enum {string} */
            status?: "enabled" | "disabled";
        };
        WebhookAttempt: {
            id: number;
            /**
             * Format: uuid
             * @description The delivery (the webhook-id header); a redelivery has its own
             */
            deliveryId: string;
            /** Format: uuid */
            eventId: string;
            eventType: string;
            redelivery: boolean;
            /** @description 1 to 10 */
            attempt: number;
            /** Format: date-time */
            at: string;
            durationMs: number;
            httpStatus: number | null;
            /** @description Why no HTTP answer came (a timeout, a refused connection, an address not allowed) */
            error: string | null;
            /** @enum {string} */
            outcome: "succeeded" | "retry" | "failed" | "gone";
            /** Format: date-time */
            nextRetryAt: string | null;
        };
        Event: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            type: "purchase.paid" | "purchase.expired" | "allotment.credited" | "allotment.low_balance" | "allotment.exhausted" | "response.completed" | "response.expired" | "sale.registered" | "sale.approved" | "sale.rejected" | "sale.activated" | "sale.cancelled" | "key.issued" | "key.renewed" | "subscription.created" | "subscription.updated" | "campaign.code_redeemed" | "campaign.closed" | "access.claimed" | "aggregator.tariff_assigned" | "aggregator.backfill_completed" | "aggregator.deactivated";
            /** Format: uuid */
            organizationId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description The type's payload (the webhooks section of this document) */
            data: {
                [key: string]: unknown;
            };
        };
        Redelivery: {
            /** Format: uuid */
            eventId: string;
            deliveries: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                endpointId: string;
            }[];
        };
        Distribution: {
            /** Format: uuid */
            id: string;
            name: string;
            /**
             * @example {
             *       "EUR": 1250,
             *       "USD": 1400
             *     }
             */
            unitPrices: {
                [key: string]: number;
            };
            keyLengthDays: number;
            salesTypes: "per_user"[];
            /** Format: date-time */
            createdAt: string;
        };
        CreateDistribution: {
            name: string;
            /**
             * @description Minor units per user, keyed by ISO-4217 currency
             * @example {
             *       "EUR": 1250
             *     }
             */
            unitPrices: {
                [key: string]: number;
            };
            /** @default 180 */
            keyLengthDays?: number;
            /**
             * @default [
             *       "per_user"
             *     ]
             */
            salesTypes?: "per_user"[];
        };
        SaleDetail: components["schemas"]["Sale"] & {
            comments: components["schemas"]["SaleComment"][];
            contacts: {
                /** Format: uuid */
                id: string;
                name: string;
                email: string;
                /** Format: uuid */
                organizationId: string;
                /** Format: date-time */
                createdAt: string;
            }[];
            users: {
                /** Format: uuid */
                id: string;
                name: string;
                email: string;
                /** Format: uuid */
                organizationId: string;
                /** Format: date-time */
                createdAt: string;
            }[];
        };
        SaleDistribution: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            distributionId: string;
            name: string;
            /** @enum {string} */
            salesType: "per_user";
            numberOfUsers: number;
            seatsUsed: number;
            keyLengthDays: number;
            distributionPrice: components["schemas"]["Money"] & unknown;
            salesPrice: components["schemas"]["Money"] & unknown;
        };
        SaleComment: {
            /** Format: uuid */
            id: string;
            text: string;
            /** Format: uuid */
            authorId: string;
            /** Format: date-time */
            createdAt: string;
        };
        Sale: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            status: "pending_approval" | "approved" | "active" | "rejected" | "cancelled";
            /** Format: uuid */
            organizationId: string;
            customer: {
                /** Format: uuid */
                organizationId: string;
                name: string;
            };
            /** Format: uuid */
            registeredBy: string;
            customerPoNumber: string | null;
            orderNumber: string | null;
            billed: string;
            activationDate: string;
            cancellationDate: string;
            rejectionReason: string | null;
            /** Format: uuid */
            decidedBy: string | null;
            /** Format: date-time */
            decidedAt: string | null;
            /** Format: date-time */
            activatedAt: string | null;
            /** Format: date-time */
            cancelledAt: string | null;
            /**
             * Format: uuid
             * @description The admin who cancelled the sale before its cancellation date
             */
            cancelledBy: string | null;
            /** @description Why an admin cancelled the sale early (null when it ran its course) */
            cancellationReason: string | null;
            distributions: components["schemas"]["SaleDistribution"][];
            /** @description Sales price summed per currency */
            totals: components["schemas"]["Money"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CreateSale: {
            name: string;
            customerPoNumber?: string | null;
            orderNumber?: string | null;
            /** @description Billing method, e.g. invoice or card */
            billed: string;
            /**
             * Format: date
             * @description YYYY-MM-DD, today (UTC) or later; the sale is active from 00:00 UTC
             */
            activationDate: string;
            customer: {
                /**
                 * Format: uuid
                 * @description An existing organization in your scope
                 */
                organizationId?: string;
                /** @description Created with the sale; managers: below their organization by default */
                newOrganization?: {
                    name: string;
                    /** Format: uuid */
                    parentId?: string | null;
                    /** @enum {string} */
                    responseAllotment?: "none" | "can_be_purchased";
                    ltiService?: boolean;
                    /** @enum {string} */
                    package?: "basic" | "advanced" | "premium";
                    memberLimit?: number | null;
                };
                contacts?: {
                    name: string;
                    /** Format: email */
                    email: string;
                }[];
                users?: {
                    name: string;
                    /** Format: email */
                    email: string;
                }[];
            };
            distributions: {
                /** Format: uuid */
                distributionId: string;
                /** @enum {string} */
                salesType: "per_user";
                /** @description Fixed at registration */
                numberOfUsers: number;
                currency: string;
            }[];
            /** @description The first comment of the thread */
            comment?: string;
            /** @description Read-only (always activationDate + 365 days): sending it answers 422 IMMUTABLE_FIELD */
            cancellationDate?: unknown;
            /** @description Read-only (moved by approve/reject and the lifecycle): sending it answers 422 IMMUTABLE_FIELD */
            status?: unknown;
        };
        PatchSale: {
            name?: string;
            customerPoNumber?: string | null;
            orderNumber?: string | null;
            /** @description Billing method, e.g. invoice or card */
            billed?: string;
            /**
             * Format: date
             * @description Only while pending approval or approved
             */
            activationDate?: string;
            /** @description Read-only (always activationDate + 365 days): sending it answers 422 IMMUTABLE_FIELD */
            cancellationDate?: unknown;
            /** @description Read-only (fixed at registration): sending it answers 422 IMMUTABLE_FIELD */
            distributions?: unknown;
            /** @description Read-only (fixed at registration): sending it answers 422 IMMUTABLE_FIELD */
            numberOfUsers?: unknown;
            /** @description Read-only (fixed at registration): sending it answers 422 IMMUTABLE_FIELD */
            customer?: unknown;
            /** @description Read-only (fixed at registration): sending it answers 422 IMMUTABLE_FIELD */
            organizationId?: unknown;
            /** @description Read-only (moved by approve/reject and the lifecycle): sending it answers 422 IMMUTABLE_FIELD */
            status?: unknown;
        };
        CommentInput: {
            text: string;
        };
        RejectSale: {
            reason: string;
        };
        CancelSale: {
            reason: string;
        };
        LicenceKey: {
            /** Format: uuid */
            id: string;
            /** @description The licence key (an unguessable token) */
            key: string;
            userEmail: string;
            /** Format: uuid */
            distributionId: string;
            /** Format: date-time */
            issuedAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** @enum {string} */
            status: "valid" | "expired" | "revoked";
            renewals: number;
            /** Format: date-time */
            revokedAt: string | null;
            /** @description Why an admin revoked this key alone (null when the sale's cancellation revoked it) */
            revocationReason: string | null;
        };
        Launch: {
            /** Format: email */
            userEmail: string;
            /**
             * Format: uuid
             * @description Needed when the sale has more than one distribution
             */
            distributionId?: string;
        };
        LicenceKeyInSale: components["schemas"]["LicenceKey"] & {
            /** Format: uuid */
            saleId: string;
        };
        LicenceKeyValidation: {
            key: string;
            /** @enum {string} */
            status: "valid" | "expired" | "revoked";
            /** Format: date-time */
            expiresAt: string;
        };
        RevokeKey: {
            reason: string;
        };
        SeatMove: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            saleId: string;
            /** Format: uuid */
            distributionId: string;
            fromEmail: string;
            toEmail: string;
            reason: string;
            /** Format: uuid */
            movedBy: string;
            /** Format: date-time */
            movedAt: string;
            /**
             * Format: uuid
             * @description The old user's key, revoked by the move (null when the seat was moved on before its new user launched)
             */
            revokedKeyId: string | null;
            /**
             * Format: uuid
             * @description The new user's key, once their launch issued it on this seat
             */
            claimedKeyId: string | null;
            /** Format: date-time */
            claimedAt: string | null;
        };
        MoveSeat: {
            /**
             * Format: email
             * @description The user who holds the seat now (any case): their key is revoked at once
             */
            fromEmail: string;
            /**
             * Format: email
             * @description The user the seat goes to: their next launch issues their key on it
             */
            toEmail: string;
            reason: string;
            /**
             * Format: uuid
             * @description Needed when the sale has more than one distribution
             */
            distributionId?: string;
        };
        Assessment: {
            /** Format: uuid */
            id: string;
            name: string;
            responseExpiryDays: number;
            pricingByCohort: boolean;
            invitationUrlTemplate: string | null;
            reminderDaysBeforeExpiry: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CreateAssessment: {
            name: string;
            /** @description Default expiry of an invitation; default 14 */
            responseExpiryDays?: number;
            /** @description Count cohorts instead of responses; default false */
            pricingByCohort?: boolean;
            /** @description The respondent's invitation link, e.g. https://assess.example/start/{token} (an http or https URL with exactly one {token}, else 422); null or absent: no invitation e-mails */
            invitationUrlTemplate?: string | null;
            /** @description The reminder goes this many days before a response expires; 0: no reminder; default 2 */
            reminderDaysBeforeExpiry?: number;
        };
        PriceList: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            assessmentId: string;
            name: string;
            validFrom: string;
            validTo: string | null;
            /** @enum {string} */
            tiersMode: "volume" | "graduated";
            currencies: {
                [key: string]: components["schemas"]["Band"][];
            };
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: uuid
             * @description The list that starts the day after this one ends
             */
            successorId: string | null;
            /** @description 1, or the version after replacesId */
            version: number;
            /**
             * Format: uuid
             * @description The used list this version replaced
             */
            replacesId: string | null;
            /**
             * Format: uuid
             * @description The newer version that took this list's place
             */
            replacedById: string | null;
        };
        Band: {
            /** @description Inclusive; null on the last, open-ended band */
            upTo: number | null;
            /** @description Minor units per unit */
            unitAmount: number;
        };
        CreatePriceList: {
            name: string;
            /** Format: date */
            validFrom: string;
            /** Format: date */
            validTo?: string | null;
            /**
             * @description volume (default): the band the purchased quantity falls in prices every unit. graduated: each unit is priced by its own band.
             * @default volume
             * @enum {string}
             */
            tiersMode?: "volume" | "graduated";
            /**
             * @example {
             *       "EUR": [
             *         {
             *           "upTo": 99,
             *           "unitAmount": 1000
             *         },
             *         {
             *           "upTo": 499,
             *           "unitAmount": 800
             *         },
             *         {
             *           "upTo": null,
             *           "unitAmount": 600
             *         }
             *       ]
             *     }
             */
            currencies: {
                [key: string]: components["schemas"]["Band"][];
            };
        };
        Quote: {
            quantity: number;
            currency: string;
            unitAmount: number;
            amount: number;
            /** Format: uuid */
            priceListId: string;
            band: {
                index: number;
                from: number;
                upTo: number | null;
                unitAmount: number;
            };
            /** @enum {string} */
            tiersMode: "volume" | "graduated";
        };
        PatchPriceList: {
            name?: string;
            /** Format: date */
            validFrom?: string;
            /** Format: date */
            validTo?: string | null;
            /** @enum {string} */
            tiersMode?: "volume" | "graduated";
            /**
             * @description Replaces every currency's bands
             * @example {
             *       "EUR": [
             *         {
             *           "upTo": 99,
             *           "unitAmount": 1000
             *         },
             *         {
             *           "upTo": 499,
             *           "unitAmount": 800
             *         },
             *         {
             *           "upTo": null,
             *           "unitAmount": 600
             *         }
             *       ]
             *     }
             */
            currencies?: {
                [key: string]: components["schemas"]["Band"][];
            };
        };
        CreateSuccessor: {
            name: string;
            /**
             * Format: date
             * @description The day after the predecessor ends (the default); any other day is refused
             */
            validFrom?: string;
            /** Format: date */
            validTo?: string | null;
            /**
             * @default volume
             * @enum {string}
             */
            tiersMode?: "volume" | "graduated";
            /**
             * @example {
             *       "EUR": [
             *         {
             *           "upTo": 99,
             *           "unitAmount": 1000
             *         },
             *         {
             *           "upTo": 499,
             *           "unitAmount": 800
             *         },
             *         {
             *           "upTo": null,
             *           "unitAmount": 600
             *         }
             *       ]
             *     }
             */
            currencies: {
                [key: string]: components["schemas"]["Band"][];
            };
        };
        Allotment: {
            /** Format: uuid */
            organizationId: string;
            /** Format: uuid */
            assessmentId: string;
            /** @enum {string} */
            unit: "response" | "cohort";
            allocated: number;
            invited: number;
            used: number;
            unexpired: number;
            expired: number;
            available: number;
            /**
             * Format: date-time
             * @description When the earliest open invitation expires and gives its unit back
             */
            nextReleaseAt: string | null;
            /** @description Available at or below this alerts once per crossing (allotment.low_balance event, e-mail to the organization's managers); null: off */
            lowBalanceThreshold: number | null;
        };
        UpdateAllotment: {
            /** @description Units; null switches the low-balance alert off */
            lowBalanceThreshold?: number | null;
        };
        Purchase: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organizationId: string;
            /** Format: uuid */
            assessmentId: string;
            /**
             * @description payment_mismatch: a signed payment event named this purchase but was not its payment (another id, amount or currency); nothing was allocated and the purchase still waits for its own payment
             * @enum {string}
             */
            status: "pending_payment" | "payment_mismatch" | "paid" | "expired" | "granted";
            quantity: number;
            currency: string;
            unitAmount: {
                amount: number;
                currency: string;
            };
            amount: {
                amount: number;
                currency: string;
            };
            /** @enum {string} */
            paymentMethod: "stripe" | "manual";
            /** @description Paid on a Stripe-hosted Checkout page (checkoutUrl) rather than with Stripe.js (clientSecret) */
            checkout: boolean;
            /** Format: uuid */
            priceListId: string | null;
            /** @description Stripe PaymentIntent client secret, for Stripe.js confirmPayment (while payment is awaited) */
            clientSecret: string | null;
            paymentIntentId: string | null;
            /** @description The Stripe-hosted Checkout page to send the partner to (while payment is awaited) */
            checkoutUrl: string | null;
            checkoutSessionId: string | null;
            /** @description Units refunds and disputes took back from the allotment */
            refundedUnits: number;
            /** @description Units refunds and disputes asked back that were already used or held by open invitations (never taken from respondents) */
            shortfall: number;
            reversals: {
                /** @enum {string} */
                kind: "refund" | "dispute";
                /** @description The refunded charge, or the dispute */
                stripeObjectId: string;
                amount: {
                    amount: number;
                    currency: string;
                };
                units: number;
                taken: number;
                shortfall: number;
                eventId: string;
                /** Format: date-time */
                recordedAt: string;
            }[];
            paymentMismatches: {
                eventId: string;
                eventType: string;
                objectId: string;
                amount: {
                    amount: number;
                    currency: string;
                } | null;
                reasons: ("object_id" | "amount" | "currency")[];
                /** Format: date-time */
                recordedAt: string;
            }[];
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            paidAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        CreatePurchase: {
            /** Format: uuid */
            organizationId: string;
            /** Format: uuid */
            assessmentId: string;
            quantity: number;
            currency: string;
            /**
             * @description "manual": an admin grant without payment
             * @enum {string}
             */
            paymentMethod?: "stripe" | "manual";
            /** @description true: pay on a Stripe-hosted Checkout page (the answer carries checkoutUrl); default: a PaymentIntent (clientSecret) */
            checkout?: boolean;
        };
        LedgerEntry: {
            /** @description Increases with every movement of the allotment: the order of the ledger */
            id: number;
            /** Format: uuid */
            organizationId: string;
            /** Format: uuid */
            assessmentId: string;
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            kind: "allocation" | "reservation" | "completion" | "expiry" | "refund" | "dispute";
            /** @description How many units moved */
            units: number;
            /** @description Who moved them, as the audit trail names it: user:<id>, share_link:<id>, stripe:<event id>, workflow:<id>, system */
            actor: string;
            /**
             * @description Reservations: how the responses came, or why the cohort was counted
             * @enum {string|null}
             */
            source: "manual" | "bulk" | "cohort" | "share_link" | "cohort_created" | "cohort_first_use" | null;
            /** Format: uuid */
            purchaseId: string | null;
            /** Format: uuid */
            responseId: string | null;
            /** Format: uuid */
            cohortId: string | null;
            /** Format: uuid */
            jobId: string | null;
            /** @description The columns after the movement */
            allocated: number;
            invited: number;
            used: number;
            unexpired: number;
            expired: number;
            available: number;
        };
        PublicInvitation: {
            /**
             * Format: uuid
             * @description The response's id
             */
            id: string;
            assessment: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @enum {string} */
            status: "invited";
            /** Format: date-time */
            expiresAt: string;
        };
        Response: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            assessmentId: string;
            /** Format: uuid */
            organizationId: string;
            /** Format: uuid */
            cohortId: string | null;
            /** Format: uuid */
            jobId: string | null;
            /** @enum {string} */
            source: "manual" | "bulk" | "cohort" | "share_link";
            respondent: {
                email: string;
                name: string;
            };
            /** @description Whether it holds a unit of the allotment */
            counted: boolean;
            /** @description Whether partnerflow e-mails the respondent the invitation and reminder (false: the partner sends its own) */
            notify: boolean;
            /** @enum {string} */
            status: "invited" | "completed" | "expired";
            /** Format: date-time */
            expiresAt: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            completedAt: string | null;
            /** Format: date-time */
            expiredAt: string | null;
        };
        CreateResponse: {
            /** Format: uuid */
            organizationId: string;
            respondent: {
                /** Format: email */
                email: string;
                name: string;
            };
            /**
             * Format: date-time
             * @description Default: now + the assessment's responseExpiryDays
             */
            expiresAt?: string;
            /** Format: uuid */
            cohortId?: string;
            /** @description false: the partner sends its own invitation; no e-mail and no reminder. Default true */
            notify?: boolean;
        };
        Cohort: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            assessmentId: string;
            /** Format: uuid */
            organizationId: string;
            name: string;
            counted: boolean;
            /** Format: date-time */
            createdAt: string;
        };
        ShareLink: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            assessmentId: string;
            /** Format: uuid */
            organizationId: string;
            /** Format: uuid */
            cohortId: string | null;
            /** @description false: responses started through the link get no invitation e-mail and no reminder */
            notify: boolean;
            /** Format: uuid */
            createdBy: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            revokedAt: string | null;
        };
        Redemption: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            campaignId: string;
            /** @enum {string} */
            status: "redeemed" | "pending";
            /** Format: uuid */
            subscriptionId: string;
            /**
             * @description pending while Stripe is retried, then Stripe's status (active: a 100 %-off subscription is never charged)
             * @enum {string}
             */
            subscriptionStatus: "pending" | "incomplete" | "trialing" | "active" | "past_due" | "unpaid" | "paused" | "canceled" | "incomplete_expired";
        };
        /**
         * @example {
         *       "code": "XYZCOUPONCODE",
         *       "email": "ana@xyz.example",
         *       "name": "Ana"
         *     }
         */
        Redeem: {
            code: string;
            /** Format: email */
            email: string;
            name: string;
        };
        AccessClaim: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            groupId: string;
            /** @enum {string} */
            status: "granted" | "verification_sent";
            /** @enum {string} */
            via: "ip" | "email_domain";
            /** Format: uuid */
            subscriptionId: string | null;
            /** @enum {string|null} */
            subscriptionStatus: "pending" | "incomplete" | "trialing" | "active" | "past_due" | "unpaid" | "paused" | "canceled" | "incomplete_expired" | null;
            /** @description The address already had a subscription in this group: nothing new was created */
            existing: boolean;
            /** Format: date-time */
            codeExpiresAt: string | null;
        };
        ClaimAccess: {
            /** Format: uuid */
            groupId: string;
            /** Format: email */
            email: string;
            name: string;
        };
        VerifyClaim: {
            code: string;
        };
        Product: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string | null;
            stripeProductId: string;
            /** Format: date-time */
            createdAt: string;
        };
        /**
         * @example {
         *       "name": "Group owners",
         *       "description": "Billing for group owners"
         *     }
         */
        CreateProduct: {
            name: string;
            description?: string;
        };
        Plan: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            productId: string;
            name: string;
            description: string;
            /** @description Minor units per interval; 0 = a free plan */
            amount: number;
            currency: string;
            price: components["schemas"]["Money"];
            /** @enum {string} */
            interval: "day" | "week" | "month" | "year";
            stripePriceId: string;
            /** Format: date-time */
            createdAt: string;
        };
        /**
         * @example {
         *       "name": "XYZ owner",
         *       "description": "Annual group licence",
         *       "amount": 250000,
         *       "currency": "EUR",
         *       "interval": "year"
         *     }
         */
        CreatePlan: {
            name: string;
            description: string;
            /** @description Minor units per interval; 0 makes a free plan */
            amount: number;
            currency: string;
            /** @enum {string} */
            interval: "day" | "week" | "month" | "year";
        };
        Customer: {
            /** Format: uuid */
            id: string;
            name: string;
            email: string;
            stripeCustomerId: string | null;
            /** @description The card Stripe charges by default (invoice_settings.default_payment_method), as the last verified Stripe event said; set by a SetupIntent that succeeded */
            defaultPaymentMethodId: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        CreateCustomer: {
            name: string;
            /** Format: email */
            email: string;
        };
        SetupIntent: {
            /** @example seti_1Pgag7B7WZ01zgkW */
            id: string;
            /** Format: uuid */
            customerId: string;
            /** @description Stripe's SetupIntent status (requires_payment_method until the card is confirmed) */
            status: string;
            /** @description For Stripe.js confirmCardSetup; answered once, never stored by partnerflow */
            clientSecret: string;
        };
        Subscription: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            planId: string;
            /** @enum {string} */
            collection: "charge_automatically" | "send_invoice";
            daysUntilDue: number | null;
            /**
             * @description How the collection was chosen: as requested, or (none requested) by whether Stripe had a default card for the customer
             * @enum {string|null}
             */
            collectionReason: "requested" | "card_on_file" | "no_card_on_file" | null;
            /** Format: uuid */
            groupId: string | null;
            /** @enum {string|null} */
            groupRole: "owner" | "user" | null;
            /** @description A group user's address */
            email: string | null;
            /** @enum {string} */
            source: "direct" | "import" | "redemption" | "ip_claim" | "email_claim";
            /** Format: uuid */
            campaignId: string | null;
            /** Format: uuid */
            jobId: string | null;
            /**
             * @description pending: being created in Stripe; failed: Stripe refused, released; otherwise Stripe's own status, kept up to date by Stripe's events (incomplete, trialing, active, past_due, unpaid, paused, canceled, incomplete_expired). Live (counted by reports): trialing, active, past_due.
             * @enum {string}
             */
            status: "pending" | "incomplete" | "trialing" | "active" | "past_due" | "unpaid" | "paused" | "canceled" | "incomplete_expired" | "failed";
            stripeSubscriptionId: string | null;
            /** @description Stripe's own status (active, incomplete, …), also while ours is pending or failed */
            stripeStatus: string | null;
            /**
             * Format: date-time
             * @description The instant of the Stripe state held (the last applied event, or the creation)
             */
            stripeStatusAt: string | null;
            failure: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            activatedAt: string | null;
            /**
             * Format: date-time
             * @description When Stripe ended it (canceled, incomplete_expired)
             */
            endedAt: string | null;
            /**
             * Format: date-time
             * @description When a manager or admin removed this user from the group (POST /v1/groups/{id}/users/{subscriptionId}/remove)
             */
            removedAt: string | null;
            /** Format: uuid */
            removedBy: string | null;
            removalReason: string | null;
        };
        CreateSubscription: {
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            planId: string;
            /**
             * @description charge_automatically: the customer's default payment method in Stripe; send_invoice: Stripe e-mails an invoice. Left out: the customer's default card when Stripe has one, an invoice otherwise (collectionReason says which)
             * @enum {string}
             */
            collection?: "charge_automatically" | "send_invoice";
            /** @description When invoiced; default 30. Refused with collection charge_automatically; without collection it applies if no card is on file */
            daysUntilDue?: number;
        };
        Group: {
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            organizationId: string | null;
            /** Format: uuid */
            ownerCustomerId: string;
            /** Format: uuid */
            ownerSubscriptionId: string;
            /** Format: uuid */
            usersPlanId: string;
            /** Format: date-time */
            createdAt: string;
            accessRules?: components["schemas"]["AccessRules"];
        };
        AccessRules: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            groupId: string;
            ipRanges: string[];
            emailDomains: string[];
            /** @description Paid users plans: the 100 %-off Stripe coupon claims subscribe with */
            stripeCouponId: string | null;
            /** Format: date-time */
            updatedAt: string;
        } | null;
        CreateGroup: {
            name: string;
            /** Format: uuid */
            ownerCustomerId: string;
            /**
             * Format: uuid
             * @description The owner's subscription (POST /v1/subscriptions); it becomes the group's owner subscription
             */
            ownerSubscriptionId: string;
            /**
             * Format: uuid
             * @description The plan group users get: free for imports and access rules, paid (with coupons) for campaigns
             */
            usersPlanId: string;
            /**
             * Format: uuid
             * @description Lets managers of this organization run the group; default: admins only
             */
            organizationId?: string | null;
        };
        SetAccessRules: {
            /**
             * @example [
             *       "203.0.113.0/24",
             *       "2001:db8::/32"
             *     ]
             */
            ipRanges: string[];
            /**
             * @example [
             *       "xyz.example"
             *     ]
             */
            emailDomains: string[];
        };
        GroupImport: {
            users: {
                email: string;
                name: string;
            }[];
        };
        RemoveGroupUser: {
            reason: string;
        };
        Campaign: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            groupId: string;
            /** Format: uuid */
            organizationId: string | null;
            /** @enum {string} */
            mode: "shared" | "unique";
            /** @enum {string} */
            status: "creating" | "active" | "closed" | "deactivated";
            /** @description The shared code (shared mode) */
            code: string | null;
            /** @description Number of unique codes (unique mode) */
            count: number | null;
            /** @description Shared: redemptions of the code; unique: one per code, so the number of codes */
            maxRedemptions: number;
            /** @description Redemptions counted so far (including ones whose subscription is being created) */
            redemptions: number;
            /** @description Codes created in Stripe so far */
            codesCreated: number;
            /** Format: date-time */
            endsAt: string | null;
            failure: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            activatedAt: string | null;
            /** Format: date-time */
            closedAt: string | null;
            /** Format: date-time */
            deactivatedAt: string | null;
        };
        /**
         * @example {
         *       "mode": "shared",
         *       "code": "XYZCOUPONCODE",
         *       "maxRedemptions": 50,
         *       "endsAt": "2027-12-31T23:59:59Z"
         *     }
         */
        CreateCampaign: {
            /** @enum {string} */
            mode: "shared";
            code: string;
            maxRedemptions: number;
            /**
             * Format: date-time
             * @description When the campaign closes (ISO-8601); none = until deactivated
             */
            endsAt?: string;
        } | {
            /** @enum {string} */
            mode: "unique";
            count: number;
            /**
             * Format: date-time
             * @description When the campaign closes (ISO-8601); none = until deactivated
             */
            endsAt?: string;
        };
        CampaignCode: {
            /** @description The code's number within its campaign (the order codes were made in) */
            n: number;
            code: string;
            maxRedemptions: number;
            redemptions: number;
        };
        CampaignCodeSends: {
            recipients: {
                email: string;
                name: string;
            }[];
        };
        SubscriptionReport: {
            /** @enum {string} */
            groupBy: "product" | "plan" | "group" | "campaign";
            /** Format: date-time */
            generatedAt: string;
            items: ({
                /** @description Live subscriptions: what Stripe says is running (trialing, active, past_due) */
                subscriptions: number;
                ownerSubscriptions: number;
                userSubscriptions: number;
                imported: number;
                /** @description Users subscribed through an IP or e-mail-domain claim */
                claimed: number;
                /** @description Completed code redemptions */
                redemptions: number;
                /** @description Counted redemptions whose subscription Stripe is still creating */
                pendingRedemptions: number;
                /** @description Every subscription of the segment by status (pending, or Stripe's), zeros included; released reservations are not counted */
                byStatus: {
                    pending: number;
                    incomplete: number;
                    trialing: number;
                    active: number;
                    past_due: number;
                    unpaid: number;
                    paused: number;
                    canceled: number;
                    incomplete_expired: number;
                };
            } & {
                [key: string]: unknown;
            })[];
            totals: {
                /** @description Live subscriptions: what Stripe says is running (trialing, active, past_due) */
                subscriptions: number;
                ownerSubscriptions: number;
                userSubscriptions: number;
                imported: number;
                /** @description Users subscribed through an IP or e-mail-domain claim */
                claimed: number;
                /** @description Completed code redemptions */
                redemptions: number;
                /** @description Counted redemptions whose subscription Stripe is still creating */
                pendingRedemptions: number;
                /** @description Every subscription of the segment by status (pending, or Stripe's), zeros included; released reservations are not counted */
                byStatus: {
                    pending: number;
                    incomplete: number;
                    trialing: number;
                    active: number;
                    past_due: number;
                    unpaid: number;
                    paused: number;
                    canceled: number;
                    incomplete_expired: number;
                };
            };
        };
        Subscriber: {
            /** Format: uuid */
            subscriptionId: string;
            /** Format: uuid */
            customerId: string;
            customerName: string;
            email: string;
            /** Format: uuid */
            productId: string;
            productName: string;
            /** Format: uuid */
            planId: string;
            planName: string;
            /** Format: uuid */
            groupId: string | null;
            groupName: string | null;
            /** @enum {string|null} */
            role: "owner" | "user" | null;
            /** @enum {string} */
            source: "direct" | "import" | "shared_code" | "unique_code" | "ip" | "domain";
            /** Format: uuid */
            campaignId: string | null;
            /** @enum {string} */
            status: "pending" | "incomplete" | "trialing" | "active" | "past_due" | "unpaid" | "paused" | "canceled" | "incomplete_expired" | "failed";
            live: boolean;
            stripeSubscriptionId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            activatedAt: string | null;
            /** Format: date-time */
            statusAt: string | null;
            /** Format: date-time */
            endedAt: string | null;
        };
        Tariff: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organizationId: string;
            name: string;
            /** @enum {string} */
            paymentFrequency: "FREE" | "WEEKLY" | "BIWEEKLY" | "MONTHLY" | "QUARTERLY" | "HALF_YEARLY" | "YEARLY";
            services: {
                name: string;
                /** @enum {string} */
                kind: "service" | "flat_rate" | "module";
            }[];
            /** Format: date-time */
            createdAt: string;
        };
        CreateTariff: {
            /**
             * Format: uuid
             * @description The studio
             */
            organizationId: string;
            name: string;
            /**
             * @description Only FREE tariffs can be assigned to an aggregator
             * @enum {string}
             */
            paymentFrequency: "FREE" | "WEEKLY" | "BIWEEKLY" | "MONTHLY" | "QUARTERLY" | "HALF_YEARLY" | "YEARLY";
            /** @description What the tariff bundles: services, flat rates, modules */
            services: {
                name: string;
                /** @enum {string} */
                kind: "service" | "flat_rate" | "module";
            }[];
        };
        Aggregator: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organizationId: string;
            name: string;
            /** @enum {string} */
            status: "active" | "inactive";
            /**
             * Format: uuid
             * @description The assigned FREE tariff; null by default and after unassigning or deactivating
             */
            tariffId: string | null;
            /**
             * @description idle: nothing ever ran; assigning / unassigning: a backfill is walking the profiles; done: the last one finished
             * @enum {string}
             */
            state: "idle" | "assigning" | "unassigning" | "done";
            /** @description Profiles of the aggregator the current (or last) backfill covers */
            profilesTotal: number;
            /** @description Of those, how many are where the backfill takes them */
            profilesDone: number;
            workflowId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            deactivatedAt: string | null;
        };
        CreateAggregator: {
            /**
             * Format: uuid
             * @description The studio
             */
            organizationId: string;
            name: string;
        };
        AggregatorDryRun: {
            /** @enum {boolean} */
            dryRun: true;
            /** @enum {string} */
            action: "assign" | "unassign" | "deactivate";
            /** Format: uuid */
            aggregatorId: string;
            /** Format: uuid */
            tariffId: string | null;
            /** @description Profiles the request would change; 0 when it would change nothing */
            profilesAffected: number;
            contractsToCreate: number;
            contractsToTerminate: number;
            profilesToDetach: number;
        };
        AssignTariff: {
            /** Format: uuid */
            tariffId: string;
        };
        Profile: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organizationId: string;
            name: string;
            email: string;
            /** @enum {string} */
            status: "prospect" | "member" | "former";
            /** Format: uuid */
            aggregatorId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CreateProfile: {
            /**
             * Format: uuid
             * @description The studio
             */
            organizationId: string;
            name: string;
            /** Format: email */
            email: string;
            /**
             * @description Default prospect. A member beyond memberLimit: 409 MEMBER_LIMIT_REACHED
             * @enum {string}
             */
            status?: "prospect" | "member" | "former";
            /**
             * Format: uuid
             * @description Created through this aggregator: a prospect that gets the aggregator's tariff at once
             */
            aggregatorId?: string | null;
        };
        PatchProfile: {
            name?: string;
            /** Format: email */
            email?: string;
            /** @enum {string} */
            status?: "prospect" | "member" | "former";
        };
        Contract: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            profileId: string;
            /** Format: uuid */
            tariffId: string;
            tariffName: string;
            /** @enum {string} */
            paymentFrequency: "FREE" | "WEEKLY" | "BIWEEKLY" | "MONTHLY" | "QUARTERLY" | "HALF_YEARLY" | "YEARLY";
            services: {
                name: string;
                /** @enum {string} */
                kind: "service" | "flat_rate" | "module";
            }[];
            /** @enum {string} */
            source: "aggregator" | "studio";
            /** Format: uuid */
            aggregatorId: string | null;
            /** @enum {string} */
            status: "active" | "terminated";
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            terminatedAt: string | null;
            /** @enum {string|null} */
            terminationReason: "tariff_changed" | "tariff_unassigned" | "aggregator_deactivated" | null;
        };
        MemberStats: {
            /** Format: uuid */
            organizationId: string;
            members: number;
            /** @description All prospects, aggregator prospects included */
            prospects: number;
            /** @description Prospects that came through an aggregator (never members) */
            aggregatorProspects: number;
            formers: number;
            memberLimit: number | null;
            /** @description memberLimit − members; null without a limit */
            membersAvailable: number | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
