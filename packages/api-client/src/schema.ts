// Generated from Recoup's OpenAPI contract by `pnpm --filter @recoup/api-client run generate`. Do not edit:
// a test fails when this file no longer matches the contract the API serves.

export interface paths {
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with e-mail and password
         * @description Starts a new session (the session cookie is set, under a new id) and answers the CSRF token to send with every later request that changes something. Needs no CSRF token itself. Every attempt is audited; repeated failures lock the e-mail and the client address for a while, and a locked attempt is refused with 429 before the password is checked.
         *
         *     No sign-in needed.
         */
        post: operations["postAuthLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out
         * @description Ends the session and clears its cookie. Audited.
         *
         *     Roles: admin, manager, collector.
         *
         *     Not open to API tokens.
         */
        post: operations["postAuthLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who is signed in
         * @description With an API token: the user the token acts as.
         *
         *     Roles: admin, manager, collector.
         *
         *     Open to every API token.
         */
        get: operations["getAuthMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/csrf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A CSRF token for this browser
         * @description Send it in the `X-CSRF-Token` header with every POST, PUT, PATCH and DELETE. Signed in, it is the session's token; signed out, nothing is stored: the token is bound to a nonce cookie, which this call sets when missing. Requests with an API token need none.
         *
         *     No sign-in needed.
         */
        get: operations["getAuthCsrf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether the API is up, and whether a worker is taking work
         * @description Answers 200 as long as the API answers, so a load balancer keeps it; `status` is `degraded`, with the reason in `worker.detail`, when no worker has polled the task queue lately (then no reminder goes out and no workflow moves). Temporal is asked at most every few seconds.
         *
         *     No sign-in needed.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the accounts the caller may see
         * @description A collector sees the accounts assigned to them, a manager their team's, an admin all. `q` searches names and references.
         *
         *     Roles: admin, manager, collector.
         *
         *     API tokens need the scope `accounts:read`.
         */
        get: operations["getAccounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An account with its contacts, invoices, payments, promises, disputes, tasks and notes
         * @description Roles: admin, manager, collector.
         *
         *     API tokens need the scope `accounts:read`.
         */
        get: operations["getAccountsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The strategy's decisions for the account, step by step, with the facts each was taken on
         * @description Roles: admin, manager, collector.
         *
         *     API tokens need the scope `accounts:read`.
         */
        get: operations["getAccountsByIdTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/communications/{communicationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One reminder or letter sent to the account, with its full text
         * @description Roles: admin, manager, collector.
         *
         *     API tokens need the scope `accounts:read`.
         */
        get: operations["getAccountsByIdCommunicationsByCommunicationId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The account's notes, newest first
         * @description Roles: admin, manager, collector.
         *
         *     API tokens need the scope `accounts:read`.
         */
        get: operations["getAccountsByIdNotes"];
        put?: never;
        /**
         * Add a note to the account
         * @description Roles: admin, manager, collector.
         *
         *     API tokens need the scope `accounts:write`.
         */
        post: operations["postAccountsByIdNotes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/cease-communication": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that the debtor asked us to stop communicating
         * @description Every reminder on every channel is suppressed from then on, and the workflow is told.
         *
         *     Roles: admin, manager.
         *
         *     API tokens need the scope `accounts:write`.
         */
        post: operations["postAccountsByIdCeaseCommunication"];
        /**
         * Lift the cease-communication flag, with the reason
         * @description Roles: admin, manager.
         *
         *     API tokens need the scope `accounts:write`.
         */
        delete: operations["deleteAccountsByIdCeaseCommunication"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/promises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The account's promises to pay, with what it owes and how much of that is collectible
         * @description Every promise of the account, whatever its status, earliest due first.
         *
         *     Roles: admin, manager, collector.
         *
         *     API tokens need the scope `accounts:read`.
         */
        get: operations["getAccountsByIdPromises"];
        put?: never;
        /**
         * Record a promise to pay
         * @description The account's collection workflow is asked to hold dunning until the promise falls due (plus its grace days); a promise the workflow refuses, or cannot be handed to, is cancelled again and the call answers with an error.
         *
         *     Roles: admin, manager, collector.
         *
         *     API tokens need the scope `accounts:write`.
         */
        post: operations["postAccountsByIdPromises"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/disputes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The account's disputes, with what it owes and how much of that is collectible
         * @description Roles: admin, manager, collector.
         *
         *     API tokens need the scope `accounts:read`.
         */
        get: operations["getAccountsByIdDisputes"];
        put?: never;
        /**
         * Open a dispute over some of the account's invoices
         * @description Each item names an open invoice of the account and, optionally, the disputed part of it (the whole open amount otherwise). An invoice already under an open dispute is refused with 409. The disputed amounts are not collected until the dispute is resolved, and the collection workflow is told.
         *
         *     Roles: admin, manager, collector.
         *
         *     API tokens need the scope `accounts:write`.
         */
        post: operations["postAccountsByIdDisputes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/disputes/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve an open dispute as valid or invalid
         * @description `valid` upholds it: each disputed amount is credited off its invoice with a credit note, as far as the invoice is still open. `invalid` rejects it: the amounts become collectible again. Either way the collection workflow re-reads the account. A dispute that is no longer open is refused with 409.
         *
         *     Roles: admin, manager.
         *
         *     API tokens need the scope `accounts:write`.
         */
        post: operations["postDisputesByIdResolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/disputes/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a file the debtor sent with a dispute
         * @description For whoever may see the dispute's account. The file is sent as an attachment (Content-Disposition) under the media type its bytes were checked to be when it arrived: application/pdf, image/png or image/jpeg. It is sent with `X-Content-Type-Options: nosniff`, a sandboxing Content-Security-Policy and `Cache-Control: private, no-store`.
         *
         *     Roles: admin, manager, collector.
         *
         *     API tokens need the scope `accounts:read`.
         */
        get: operations["getDisputesByIdAttachmentsByAttachmentId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's inbox: their own tasks, or the unassigned ones they may claim, most urgent first
         * @description Each task carries its ranking score and the parts it is made of (overdue amount, days past due, how late the task is, the debtor's risk, the strategy's priority), so the order can be explained. `scope=claimable` lists the open, unassigned tasks of the caller's pools (managers and admins: every unassigned task they can see). `due=today` is read on the calendar of `tz` (UTC when absent). `segments` lists the segments among the caller's tasks, for a filter.
         *
         *     Roles: admin, manager, collector.
         *
         *     API tokens need the scope `tasks:read`.
         */
        get: operations["getTasksInbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tasks, earliest due first
         * @description A collector sees their own tasks and may filter only by `assignee=me` (or their own id); a manager sees their team's, an admin all. `assignee=none` lists the unassigned ones.
         *
         *     Roles: admin, manager, collector.
         *
         *     API tokens need the scope `tasks:read`.
         */
        get: operations["getTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One task
         * @description Roles: admin, manager, collector.
         *
         *     API tokens need the scope `tasks:read`.
         */
        get: operations["getTasksById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a task with one of its outcomes
         * @description The task is closed only when the account's collection workflow accepts the outcome; otherwise it stays open and the call answers with an error. A promise (outcome `promise-to-pay`), a payment plan (`payment-plan`) or a dispute (`dispute`) agreed on the call can come with it; a dispute stands even if the task cannot be closed. `call` logs the call through the call-frequency rules, and a call they forbid refuses the whole completion (422). The outcome `call-back` keeps a call task open and makes it due again at `callBackAt` (within 30 days), noting the request on the account.
         *
         *     Roles: admin, manager, collector.
         *
         *     API tokens need the scope `tasks:write`.
         */
        post: operations["postTasksByIdComplete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/call-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether the task's debtor may be called now
         * @description Asked before dialling. When the contact-hour or call-frequency rules forbid the call, the refusal is recorded as a stopped contact attempt, once per task and refusal however often it is asked, and the answer names the rules, the reason and, when one exists, the next moment a call is allowed.
         *
         *     Roles: admin, manager, collector.
         *
         *     API tokens need the scope `tasks:read`.
         */
        get: operations["getTasksByIdCallCheck"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take an unassigned open task
         * @description A collector may claim unassigned tasks other than escalations on accounts of their pools (or in no pool); managers and admins any task they can see. Of two people claiming at once exactly one wins; the other gets 409, as does a task that is no longer open or already assigned.
         *
         *     Roles: admin, manager, collector.
         *
         *     API tokens need the scope `tasks:write`.
         */
        post: operations["postTasksByIdClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand one's own open task back to the unassigned queue
         * @description Only the collector the task is assigned to can release it (409 otherwise).
         *
         *     Roles: admin, manager, collector.
         *
         *     API tokens need the scope `tasks:write`.
         */
        post: operations["postTasksByIdRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team/workload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The team's workload: each collector's open and overdue tasks, accounts and open balance, and the unassigned queue
         * @description A manager sees the collectors they lead, an admin every collector. Overdue is judged at `asOf`.
         *
         *     Roles: admin, manager.
         *
         *     Not open to API tokens.
         */
        get: operations["getTeamWorkload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team/tasks/reassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move open tasks to a collector of the team
         * @description All the tasks move in one transaction or none does: a task the caller cannot see is 404, a done or cancelled one 409. The collector must be active and on the caller's team (any collector for an admin). Tasks already with the collector are left as they are and listed as unchanged. Each move is audited.
         *
         *     Roles: admin, manager.
         *
         *     Not open to API tokens.
         */
        post: operations["postTeamTasksReassign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team/accounts/reassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give accounts to a collector of the team, with their open tasks
         * @description The accounts' open tasks go with them, except tasks the caller could not move on their own (another team's). Done tasks keep who worked them. An account the caller cannot see is 404 and nothing moves. Each move is audited.
         *
         *     Roles: admin, manager.
         *
         *     Not open to API tokens.
         */
        post: operations["postTeamAccountsReassign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team/collectors/{id}": {
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
        /**
         * Change a collector's capacity, skills or pools
         * @description What the automatic assignment reads: capacity bounds both open tasks and owing accounts, skills and pools decide which work the collector can be given. The collector must be on the caller's team (any collector for an admin). A change is audited; a request that changes nothing writes nothing.
         *
         *     Roles: admin, manager.
         *
         *     Not open to API tokens.
         */
        patch: operations["patchTeamCollectorsById"];
        trace?: never;
    };
    "/api/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a payment received for an account
         * @description The account is named by `accountId` or by its reference `accountRef`, one of the two. The money is allocated to the open invoices in its currency, oldest due first; what is left over is kept as unallocated credit and `note` says why. The account's workflow is told.
         *
         *     The `Idempotency-Key` header is required. Sending the same key with the same body again records nothing and answers what the first request answered, with the header `Idempotent-Replayed: true`; the same key with another body is refused. A key is the sending user's own: another user's same key is a separate key.
         *
         *     Roles: admin, manager, collector.
         *
         *     API tokens need the scope `payments:write`.
         */
        post: operations["postPayments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/{id}/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reverse a payment the bank took back
         * @description For a bounced cheque, an NSF debit or a recall: the invoices it paid owe again, promises it kept are reopened, and it is audited with the reason. A payment is reversed once only; a second attempt is refused.
         *
         *     Roles: admin, manager.
         *
         *     API tokens need the scope `payments:write`.
         */
        post: operations["postPaymentsByIdReverse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bank-statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The latest bank statements with their reconciliation progress
         * @description The 100 most recently imported statements, newest first. The lines already seen before are listed on the detail only.
         *
         *     Roles: admin, manager.
         *
         *     API tokens need the scope `payments:read`.
         */
        get: operations["getBankStatements"];
        put?: never;
        /**
         * Import a bank statement file
         * @description The request body is the file exactly as the bank sent it: camt.053, camt.054, MT940, BAI2 or a CSV export. Without `format` (or with `auto`) the first four are recognised from the content; a CSV export needs `format=csv` and the name of a saved column mapping.
         *
         *     The same file, or a file whose every statement was imported before, changes nothing and answers 200 with `duplicate: true`. Transactions already stored from an earlier statement are not stored again and are listed in `alreadySeenLines`. A file that cannot be read is refused whole. A statement whose own balances or control totals do not add up is stored as `unbalanced` and waits for a manager to release or reject it; any other is reconciled in the background.
         *
         *     Roles: admin, manager.
         *
         *     API tokens need the scope `payments:write`.
         */
        post: operations["postBankStatements"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bank-statements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A bank statement with its progress and reconciliation workflow
         * @description Progress is counted from the statement's lines, whatever the workflow is doing; poll this while a statement reconciles.
         *
         *     Roles: admin, manager.
         *
         *     API tokens need the scope `payments:read`.
         */
        get: operations["getBankStatementsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bank-statements/{id}/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A bank statement's transaction lines
         * @description The first 1,000 lines in the order the bank wrote them, each with its status and the account it was matched to.
         *
         *     Roles: admin, manager.
         *
         *     API tokens need the scope `payments:read`.
         */
        get: operations["getBankStatementsByIdLines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bank-statements/{id}/reconcile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start reconciling a bank statement again
         * @description After Temporal was unreachable or a run failed. Lines already applied stay applied. A reconciled, unbalanced or rejected statement is refused.
         *
         *     Roles: admin, manager.
         *
         *     API tokens need the scope `payments:write`.
         */
        post: operations["postBankStatementsByIdReconcile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bank-statements/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release an unbalanced bank statement for reconciliation
         * @description A manager accepts a statement whose own figures do not add up, with the reason; the decision is audited and the statement is reconciled in the background. Only an unbalanced statement can be released.
         *
         *     Roles: admin, manager.
         *
         *     API tokens need the scope `payments:write`.
         */
        post: operations["postBankStatementsByIdRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bank-statements/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject an unbalanced bank statement
         * @description Nothing of the statement is applied, its lines are marked rejected and its transactions no longer count as seen, so a corrected file can be imported. Audited with the reason. Only an unbalanced statement can be rejected.
         *
         *     Roles: admin, manager.
         *
         *     API tokens need the scope `payments:write`.
         */
        post: operations["postBankStatementsByIdReject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/statement-lines/exceptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The exception queue: statement lines waiting for a person
         * @description Lines the matcher was not sure of, returns it could not pair with a payment, and currency mismatches, oldest first, each with the matcher's best guess when it had one. Lines of unbalanced or rejected statements are left out.
         *
         *     Roles: admin, manager.
         *
         *     API tokens need the scope `payments:read`.
         */
        get: operations["getStatementLinesExceptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/statement-lines/deductions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Short payments: applied lines that left an amount open
         * @description Newest first, each with the invoices it named and what they still owe, to be claimed or disputed.
         *
         *     Roles: admin, manager.
         *
         *     API tokens need the scope `payments:read`.
         */
        get: operations["getStatementLinesDeductions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/statement-lines/{id}/match": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply a waiting statement line to an account by hand
         * @description The line becomes a payment on the account, allocated as `allocations` says or oldest invoices first; the rest is credit. Only a waiting credit line can be matched; audited, and the account's workflow is told.
         *
         *     Roles: admin, manager.
         *
         *     API tokens need the scope `payments:write`.
         */
        post: operations["postStatementLinesByIdMatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/statement-lines/{id}/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pair a returned statement line with the payment it takes back
         * @description For a returned, bounced or NSF item the matcher could not pair: the payment is reversed and its invoices owe again. The amount and currency must be the payment's.
         *
         *     Roles: admin, manager.
         *
         *     API tokens need the scope `payments:write`.
         */
        post: operations["postStatementLinesByIdReverse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/statement-lines/{id}/skip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a waiting statement line aside as not a customer payment
         * @description For a bank fee or a transfer between own accounts. Audited with the reason.
         *
         *     Roles: admin, manager.
         *
         *     API tokens need the scope `payments:write`.
         */
        post: operations["postStatementLinesByIdSkip"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/statement-mappings/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Save how to read one bank's CSV export
         * @description Creates the mapping or replaces the one of that name. Imports of CSV statements name it in `mapping`. Audited.
         *
         *     Roles: admin, manager.
         *
         *     Not open to API tokens.
         */
        put: operations["putStatementMappingsByName"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Messages the built-in mail sink received, newest first
         * @description The demo's stand-in for real inboxes. `recipient` and `subject` each match any part of the value, ignoring case.
         *
         *     Roles: admin, manager.
         *
         *     Not open to API tokens.
         */
        get: operations["getOutbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outbox/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One message of the mail sink, with its bodies and raw source
         * @description Roles: admin, manager.
         *
         *     Not open to API tokens.
         */
        get: operations["getOutboxById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/portfolio": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a portfolio of accounts, contacts and invoices as JSON
         * @description With `mode=all-or-nothing` (the default) a single problem refuses the whole file and nothing is stored; with `mode=valid-only` each good account is imported and the others are listed in `skipped`. Either way every problem is reported with its line and field. Accounts are matched by their reference: a new one is created, a stored one the caller may work on is updated, and invoice numbers already stored are refused. The answer comes once the import is committed and its accounts' collection workflows have started, or after a while with `workflowStatus` saying how far the starting had got; the rest goes on in the background (see GET /api/imports/:id). A long answer is kept alive with leading spaces before the JSON. Only a few imports run at a time per server; one more is refused with Retry-After before its file is read.
         *
         *     Roles: admin, manager.
         *
         *     API tokens need the scope `invoices:write`.
         */
        post: operations["postImportsPortfolio"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/portfolio.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a portfolio from a CSV file, one row per invoice
         * @description With `mode=all-or-nothing` (the default) a single problem refuses the whole file and nothing is stored; with `mode=valid-only` each good account is imported and the others are listed in `skipped`. Either way every problem is reported with its line and field. Accounts are matched by their reference: a new one is created, a stored one the caller may work on is updated, and invoice numbers already stored are refused. The answer comes once the import is committed and its accounts' collection workflows have started, or after a while with `workflowStatus` saying how far the starting had got; the rest goes on in the background (see GET /api/imports/:id). A long answer is kept alive with leading spaces before the JSON. Only a few imports run at a time per server; one more is refused with Retry-After before its file is read.
         *
         *     Roles: admin, manager.
         *
         *     API tokens need the scope `invoices:write`.
         */
        post: operations["postImportsPortfolioCsv"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An import batch, with the problems found and the state of its workflow starts
         * @description Roles: admin, manager.
         *
         *     API tokens need the scope `invoices:write`.
         */
        get: operations["getImportsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}/raw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the file of an import as it was uploaded
         * @description Offered as an attachment under the uploaded file name. A CSV import comes back as text/csv, a JSON import as application/json; the body is the uploaded bytes, never parsed.
         *
         *     Roles: admin, manager.
         *
         *     API tokens need the scope `invoices:write`.
         */
        get: operations["getImportsByIdRaw"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/strategies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the strategies, by name
         * @description Each comes with its current draft and a summary of its latest published version (null before the first publish).
         *
         *     Roles: admin, manager, collector.
         *
         *     Not open to API tokens.
         */
        get: operations["getStrategies"];
        put?: never;
        /**
         * Create a strategy
         * @description The draft may be left out (an empty graph) or be any work in progress; it is only checked fully when published. Making the new strategy the default clears the flag on the previous default. Names are unique.
         *
         *     Roles: admin, manager.
         *
         *     Not open to API tokens.
         */
        post: operations["postStrategies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/strategies/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a strategy document without storing it
         * @description Runs the same checks as publishing (graph rules, known templates, known facts) and answers 200 either way: `valid` says whether it passed and `problems` lists every problem found, each with a stable code.
         *
         *     Roles: admin, manager, collector.
         *
         *     Not open to API tokens.
         */
        post: operations["postStrategiesValidate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/strategies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A strategy with its draft and latest published version
         * @description Roles: admin, manager, collector.
         *
         *     Not open to API tokens.
         */
        get: operations["getStrategiesById"];
        /**
         * Change a strategy's name, description, draft or default flag
         * @description Only the fields given change. Published versions are never affected; publish again to freeze the new draft.
         *
         *     Roles: admin, manager.
         *
         *     Not open to API tokens.
         */
        put: operations["putStrategiesById"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/strategies/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish the current draft as the next version
         * @description The draft is checked like POST /api/strategies/validate and refused with every problem (422) when it is not valid. A published version never changes; new collection runs use it once a segment is assigned to it, or when its strategy is the default.
         *
         *     Roles: admin, manager.
         *
         *     Not open to API tokens.
         */
        post: operations["postStrategiesByIdPublish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/strategies/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The strategy's published versions, newest first
         * @description Roles: admin, manager, collector.
         *
         *     Not open to API tokens.
         */
        get: operations["getStrategiesByIdVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/strategy-versions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A published version with its graph
         * @description Roles: admin, manager, collector.
         *
         *     Not open to API tokens.
         */
        get: operations["getStrategyVersionsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/strategy-versions/{id}/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many running accounts sit at each node of a published version
         * @description The running workflows are asked where they are, so the answer is as of `at`. At most 5,000 accounts are asked (`truncated` then says so); workflows that do not answer are counted in `failed`, not at a node.
         *
         *     Roles: admin, manager, collector.
         *
         *     Not open to API tokens.
         */
        get: operations["getStrategyVersionsByIdLive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/strategy-versions/{id}/migrate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the running accounts of one published version to this one
         * @description Each workflow in the cohort of `fromVersionId` moves to the node of the same id in the target version (or the one `nodeMapping` names) and refuses, with its reason, when there is none; the answer lists per account what happened. Accounts that moved get a new collection run on the target version. The migration is audited.
         *
         *     Roles: admin, manager.
         *
         *     Not open to API tokens.
         */
        post: operations["postStrategyVersionsByIdMigrate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/strategy-assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Which strategy versions each segment runs
         * @description Each segment's split of new collection runs over published versions (A/B arms), and the fallback that segments without an assignment run: the default strategy's latest version, or null when there is none.
         *
         *     Roles: admin, manager, collector.
         *
         *     Not open to API tokens.
         */
        get: operations["getStrategyAssignments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/strategy-assignments/{segment}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a segment's split over published strategy versions
         * @description Creates or replaces the whole split; the percentages must be whole numbers adding up to 100 and every version must be published. Only collection runs started afterwards are affected.
         *
         *     Roles: admin, manager.
         *
         *     Not open to API tokens.
         */
        put: operations["putStrategyAssignmentsBySegment"];
        post?: never;
        /**
         * Remove a segment's assignment
         * @description New collection runs of the segment then use the default strategy. Runs already started are not affected.
         *
         *     Roles: admin, manager.
         *
         *     Not open to API tokens.
         */
        delete: operations["deleteStrategyAssignmentsBySegment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/simulations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Simulate a strategy over a period, on real or generated accounts
         * @description Give a published version (`strategyVersionId`) or a draft `graph`, and real `accountIds` or a generated `portfolio`. Nothing is stored and nobody is contacted; the same request with the same seeds always gives the same answer. Large portfolios take seconds.
         *
         *     Roles: admin, manager.
         *
         *     Not open to API tokens.
         */
        post: operations["postSimulations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the reminder templates, by key
         * @description Roles: admin, manager, collector.
         *
         *     Not open to API tokens.
         */
        get: operations["getTemplates"];
        put?: never;
        /**
         * Create a reminder template
         * @description Strategies refer to a template by its key, which is unique and never changes. Texts that are not valid Mustache are refused (422) naming each field.
         *
         *     Roles: admin, manager.
         *
         *     Not open to API tokens.
         */
        post: operations["postTemplates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Render template texts for one account, without storing anything
         * @description Shows what a reminder on the channel would say to the account right now, addressed to the contact it would go to. Only for an account the caller may see. An SMS longer than the limit is refused (422).
         *
         *     Roles: admin, manager.
         *
         *     Not open to API tokens.
         */
        post: operations["postTemplatesPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One reminder template
         * @description Roles: admin, manager, collector.
         *
         *     Not open to API tokens.
         */
        get: operations["getTemplatesByKey"];
        /**
         * Change a template's channel, name, texts or letter attachment
         * @description Only the fields given change; the change is audited with the wording it replaced. Reminders sent from now on use the new texts, including those of strategies already published.
         *
         *     Roles: admin, manager.
         *
         *     Not open to API tokens.
         */
        put: operations["putTemplatesByKey"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rules/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Test a rule against one account's current facts
         * @description Checks the condition as publishing a strategy would (known facts, fitting operators), then evaluates it on the facts a workflow would load for the account now. Nothing is stored.
         *
         *     Roles: admin, manager.
         *
         *     Not open to API tokens.
         */
        post: operations["postRulesEvaluate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/compliance-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Contact hours and call limits of each customer type
         * @description Roles: admin, manager, collector.
         *
         *     Not open to API tokens.
         */
        get: operations["getComplianceSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/compliance-settings/{customerType}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change a customer type's contact hours and call limits
         * @description Applies to every reminder and call from then on. `callLimitScope` stays as it is when left out. The change is audited with the values before and after.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        put: operations["putComplianceSettingsByCustomerType"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Calls placed to the account, newest first
         * @description At most the latest 200.
         *
         *     Roles: admin, manager, collector.
         *
         *     API tokens need the scope `accounts:read`.
         */
        get: operations["getAccountsByIdCalls"];
        put?: never;
        /**
         * Log a call placed to the debtor
         * @description Refused (422, naming the rule and the first moment a call would be allowed) when it breaks contact hours in any zone the debtor may be in, the call limits of the account's customer type, or a request to cease communication. A refused call is still written to the account's communication log, but does not count as placed.
         *
         *     Roles: admin, manager, collector.
         *
         *     API tokens need the scope `accounts:write`.
         */
        post: operations["postAccountsByIdCalls"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/kpis/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the dashboard's filters can choose from
         * @description Currencies (most invoices first), segments, published strategy versions, A/B arms and collectors, as found in the data.
         *
         *     Roles: admin, manager.
         *
         *     API tokens need the scope `kpis:read`.
         */
        get: operations["getKpisOptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/kpis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The whole dashboard: aging, DSO, CEI, recovery, promises, productivity, forecast and backtest
         * @description Every figure is for one currency (the one most invoices are in unless `currency` says otherwise) and the period `from`–`to` (the last 90 days by default). A manager's figures cover their team's accounts and the unassigned ones. With `format=csv` the answer is a CSV file instead of JSON.
         *
         *     Roles: admin, manager.
         *
         *     API tokens need the scope `kpis:read`.
         */
        get: operations["getKpis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/kpis/{block}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One block of the dashboard
         * @description The block is one of aging, dso, cei, recovery, promises, productivity, forecast; the answer holds the filters and the block under its own name. With a .csv suffix on the block (`/api/kpis/aging.csv`) or `format=csv` the answer is a CSV file instead of JSON. An unknown block is a 404.
         *
         *     Roles: admin, manager.
         *
         *     API tokens need the scope `kpis:read`.
         */
        get: operations["getKpisByBlock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The facts registry: every fact a strategy rule can test
         * @description Each fact's name, type, meaning, unit and possible values, and the operators that fit each type. The rule builder and the strategy validator use the same list.
         *
         *     Roles: admin, manager, collector.
         *
         *     Not open to API tokens.
         */
        get: operations["getFacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/workflows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List collection workflows, newest first
         * @description Read from Temporal's visibility, filtered by status and the workflow's search attributes (strategy version, node, segment, collector), with names joined from the database. Paged by the opaque `nextPageToken`, which only this list hands out; `total` is null when the server cannot count.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        get: operations["getAdminWorkflows"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/workflows/filter-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the workflow list can be filtered by
         * @description The published strategy versions with their nodes, the segments that are indexed, and the active collectors.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        get: operations["getAdminWorkflowsFilterOptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/accounts/{id}/workflow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Inspect an account's collection workflow
         * @description The latest run as Temporal describes it, where the strategy stands (asked of the running workflow; `stateError` says why it is missing when the workflow did not answer), links to the Temporal Web UI and the history download, and the pauses, resumes and terminations recorded for the account.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        get: operations["getAdminAccountsByIdWorkflow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/accounts/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workflow's history as an admin reads it: activities, waits, messages and decisions
         * @description Roles: admin.
         *
         *     Not open to API tokens.
         */
        get: operations["getAdminAccountsByIdTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/accounts/{id}/workflow/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause the account's collection workflow
         * @description Nothing more happens on the account until it is resumed; messages that arrive meanwhile are kept. The reason goes to the audit log, which is written only if Temporal carried out the pause. A workflow already paused or ended refuses it.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        post: operations["postAdminAccountsByIdWorkflowPause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/accounts/{id}/workflow/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume the account's paused collection workflow
         * @description The reason goes to the audit log, which is written only if Temporal carried out the resume. A workflow that is not paused refuses it.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        post: operations["postAdminAccountsByIdWorkflowResume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/accounts/{id}/workflow/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Terminate the account's collection workflow
         * @description Ends the running workflow at once, without any further activity, and closes the account's open tasks. The reason goes to the audit log, which is written only if Temporal carried out the termination. Cannot be undone.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        post: operations["postAdminAccountsByIdWorkflowTerminate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/accounts/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workflow's history, event by event, with payloads decoded
         * @description Roles: admin.
         *
         *     Not open to API tokens.
         */
        get: operations["getAdminAccountsByIdHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/accounts/{id}/history.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the workflow's history in Temporal's own export format
         * @description The same JSON `temporal workflow show --output json` writes, sent as an attachment; it can be replayed in a test.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        get: operations["getAdminAccountsByIdHistoryJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the audit log, newest first
         * @description Filtered by actor (`system` for entries no user made), action prefix, entity, entity id and time. Paged by keyset: pass the page's `nextBefore` as `before` for the next, older page, so entries appended meanwhile never shift the pages.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        get: operations["getAdminAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check the audit log's hash chain
         * @description Walks the whole log in order and reports how many entries held and the first that did not (changed, removed or slipped in). The check and its result are recorded in the log itself.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        post: operations["postAdminAuditVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/payment-models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The stored payment prediction models, newest first
         * @description With how each was trained and measured, and why it is or is not the active one. The models themselves stay on the server.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        get: operations["getAdminPaymentModels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/payment-models/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a training run of the payment model now
         * @description The run goes on in the background; follow it by the workflow id answered. Audited.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        post: operations["postAdminPaymentModelsRuns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/payment-models/runs/{workflowId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How a training run stands
         * @description Running, completed with the model it stored (or why it stored none), or failed with the reason.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        get: operations["getAdminPaymentModelsRunsByWorkflowId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/payment-models/{id}/pin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pin or unpin a payment model
         * @description Pinning makes the model the active one and keeps training from replacing it; unpinning only lifts that. Audited.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        post: operations["postAdminPaymentModelsByIdPin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/payment-models/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a stored payment model the active one
         * @description Rolls back (or forward) to the model for the reason given; the model active before is retired. Audited.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        post: operations["postAdminPaymentModelsByIdActivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/api-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the API tokens, newest first
         * @description Never the secrets: only their first characters, to tell tokens apart.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        get: operations["getAdminApiTokens"];
        put?: never;
        /**
         * Create an API token
         * @description The token acts as the named (active) user, with that user's role and team, on the routes its scopes open. The secret is in this answer only (sent with `Cache-Control: no-store`): it is not stored and cannot be shown again. Audited.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        post: operations["postAdminApiTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/api-tokens/scopes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The scopes a token can be given, with what each opens
         * @description Roles: admin.
         *
         *     Not open to API tokens.
         */
        get: operations["getAdminApiTokensScopes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/api-tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API token
         * @description The next request with the token is refused. Revoking a token twice is refused with 409. Audited.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        delete: operations["deleteAdminApiTokensById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the users
         * @description By name, with any sign-in lock that failed sign-ins put on them.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        get: operations["getUsers"];
        put?: never;
        /**
         * Create a user
         * @description A collector may be put on an active manager's team with `managerId`. Audited (never the password).
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        post: operations["postUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
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
        /**
         * Change a user's name, role, team or active flag
         * @description The last active admin cannot be demoted or deactivated, and a manager who still leads active collectors keeps the role until they are moved (409). A deactivated user's sessions end at once. Audited.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        patch: operations["patchUsersById"];
        trace?: never;
    };
    "/api/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a user's password
         * @description Ends the user's sessions, so whoever held the old password is signed out. Audited.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        post: operations["postUsersByIdPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/unlock-sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lift the sign-in lock that failed sign-ins put on a user
         * @description Forgets the failures counted against the user's e-mail. Locks on a client address are not lifted: they expire by themselves. Audited whether or not a lock was in place.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        post: operations["postUsersByIdUnlockSignIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/temporal-codec/decode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decode Temporal payloads with the deployment's payload keys (Temporal codec server)
         * @description Temporal's codec-server protocol: the payloads as proto3 JSON, `{ payloads: [{ metadata: { name: base64 }, data: base64 }] }`, answered in the same order, encrypted ones opened and the others as they came. Called by the Temporal Web UI (from the admin's browser, on its own origin) and by `temporal workflow show --codec-endpoint`. It needs a signed-in admin's session cookie but no CSRF token, and no API token opens it: it sits outside the CSRF and same-origin checks of the rest of the API. Instead, a browser request is served only from the Web UI's origin (TEMPORAL_UI_URL) or the app's own, which get CORS headers with credentials (the CORS preflight is answered too); every other origin is refused with 403 before the session is read. A request with no Origin whose Sec-Fetch-Site is not cross-site or same-site (the CLI) is served. Answers 409 when no payload keys are configured (TEMPORAL_PAYLOAD_KEYS), 400 for a key id it does not know or a payload that does not open.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        post: operations["postAdminTemporalCodecDecode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/temporal-codec/encode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Encode Temporal payloads with the deployment's payload keys (Temporal codec server)
         * @description Temporal's codec-server protocol: the payloads as proto3 JSON, `{ payloads: [{ metadata: { name: base64 }, data: base64 }] }`, answered encrypted with the active key, in the same order. Called by the Temporal Web UI (from the admin's browser, on its own origin) and by `temporal workflow show --codec-endpoint`. It needs a signed-in admin's session cookie but no CSRF token, and no API token opens it: it sits outside the CSRF and same-origin checks of the rest of the API. Instead, a browser request is served only from the Web UI's origin (TEMPORAL_UI_URL) or the app's own, which get CORS headers with credentials (the CORS preflight is answered too); every other origin is refused with 403 before the session is read. A request with no Origin whose Sec-Fetch-Site is not cross-site or same-site (the CLI) is served. Answers 409 when no payload keys are configured (TEMPORAL_PAYLOAD_KEYS), 400 for a key id it does not know or a payload that does not open.
         *
         *     Roles: admin.
         *
         *     Not open to API tokens.
         */
        post: operations["postAdminTemporalCodecEncode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This contract, as an OpenAPI 3.1 document
         * @description Generated from the schemas the API validates its input with, so it describes what the running server really accepts and answers.
         *
         *     No sign-in needed.
         */
        get: operations["getOpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        __schema0: {
            all: components["schemas"]["__schema0"][];
        } | {
            any: components["schemas"]["__schema0"][];
        } | {
            not: components["schemas"]["__schema0"];
        } | {
            fact: string;
            operator: string;
            value: unknown;
            path?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    postAuthLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description The signed-in user and the CSRF token of the new session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            id: string;
                            email: string;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "manager" | "collector";
                        };
                        csrfToken: string;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postAuthLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getAuthMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The current user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            id: string;
                            email: string;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "manager" | "collector";
                        };
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getAuthCsrf: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        csrfToken: string;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The API's health. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "degraded";
                        demo: boolean;
                        temporalUiUrl: string | null;
                        version: string;
                        worker: {
                            /** @enum {string} */
                            status: "polling" | "absent" | "unknown";
                            taskQueue: string;
                            pollers: number;
                            detail: string | null;
                        };
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getAccounts: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                q?: string;
                assignee?: string | "me" | "none";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of accounts with their open balance per currency. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            externalRef: string;
                            name: string;
                            customerType: string;
                            segment: string;
                            currency: string;
                            timeZone: string;
                            riskScore: number | null;
                            assignedCollectorId: string | null;
                            ceaseCommunication: boolean;
                            ceaseCommunicationAt: string | null;
                            balance: {
                                amountMinor: string;
                                currency: string;
                            }[];
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getAccountsById: {
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
            /** @description The account. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account: {
                            id: string;
                            externalRef: string;
                            name: string;
                            customerType: string;
                            segment: string;
                            currency: string;
                            timeZone: string;
                            riskScore: number | null;
                            assignedCollectorId: string | null;
                            ceaseCommunication: boolean;
                            ceaseCommunicationAt: string | null;
                        };
                        contacts: {
                            id: string;
                            name: string;
                            email: string | null;
                            phone: string | null;
                            timeZone: string | null;
                            zones: {
                                /** @enum {string} */
                                basis: "recorded" | "derived" | "account";
                                zones: string[];
                                clues: {
                                    /** @enum {string} */
                                    source: "phone" | "address";
                                    zones: string[];
                                    detail: string;
                                    used: boolean;
                                }[];
                                explanation: string;
                            };
                            isPrimary: boolean;
                            postalAddress: string | null;
                            consent: {
                                email: boolean;
                                sms: boolean;
                                phone: boolean;
                                letter: boolean;
                            };
                            optedOut: {
                                email: string | null;
                                sms: string | null;
                                letter: string | null;
                            };
                        }[];
                        invoices: {
                            id: string;
                            number: string;
                            issueDate: string;
                            dueDate: string;
                            amount: {
                                amountMinor: string;
                                currency: string;
                            };
                            open: {
                                amountMinor: string;
                                currency: string;
                            };
                            status: string;
                            daysPastDue: number;
                            agingBucket: string;
                            prediction: {
                                asOf: string;
                                lateProbability: number;
                                veryLateProbability: number;
                                payDate: string;
                                payDateLow: string;
                                payDateHigh: string;
                                daysLate: number;
                                /** @enum {string} */
                                confidence: "normal" | "low";
                                reasons: {
                                    feature: string;
                                    text: string;
                                    effect: number;
                                }[];
                            } | null;
                        }[];
                        payments: {
                            id: string;
                            amount: {
                                amountMinor: string;
                                currency: string;
                            };
                            unallocated: {
                                amountMinor: string;
                                currency: string;
                            };
                            receivedAt: string;
                            reference: string;
                            payerName: string | null;
                            allocations: {
                                id: string;
                                invoiceId: string;
                                amountMinor: string;
                            }[];
                        }[];
                        communications: {
                            id: string;
                            channel: string;
                            /** @enum {string} */
                            direction: "outbound" | "inbound";
                            templateKey: string;
                            toAddress: string;
                            subject: string;
                            status: string;
                            reason: string | null;
                            createdAt: string;
                            sentAt: string | null;
                            hasBody: boolean;
                        }[];
                        tasks: {
                            id: string;
                            accountId: string;
                            accountName: string | null;
                            key: string;
                            workflowId: string;
                            nodeId: string;
                            taskType: string;
                            title: string;
                            /** @enum {string} */
                            status: "open" | "done" | "cancelled";
                            assigneeId: string | null;
                            outcomes: string[];
                            outcome: string | null;
                            note: string | null;
                            dueAt: string;
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "urgent";
                            createdAt: string;
                            completedAt: string | null;
                            completedBy: string | null;
                        }[];
                        promises: {
                            id: string;
                            accountId: string;
                            amount: {
                                amountMinor: string;
                                currency: string;
                            };
                            paid: {
                                amountMinor: string;
                                currency: string;
                            };
                            dueDate: string;
                            graceDays: number;
                            until: string;
                            /** @enum {string} */
                            status: "open" | "kept" | "broken" | "cancelled";
                            /** @enum {string} */
                            source: "api" | "task" | "plan" | "portal";
                            planId: string | null;
                            installmentNo: number | null;
                            taskId: string | null;
                            createdBy: string | null;
                            createdAt: string;
                            resolvedAt: string | null;
                        }[];
                        disputes: {
                            id: string;
                            accountId: string;
                            reason: string;
                            /** @enum {string} */
                            status: "open" | "resolved-valid" | "resolved-invalid";
                            items: {
                                invoiceId: string;
                                invoiceNumber: string;
                                amount: {
                                    amountMinor: string;
                                    currency: string;
                                };
                            }[];
                            openedBy: string | null;
                            openedAt: string;
                            resolvedBy: string | null;
                            resolvedAt: string | null;
                            resolutionNote: string | null;
                            creditNotes: {
                                id: string;
                                invoiceId: string;
                                amount: {
                                    amountMinor: string;
                                    currency: string;
                                };
                            }[];
                            attachments: {
                                id: string;
                                fileName: string;
                                mediaType: string;
                                sizeBytes: number;
                                createdAt: string;
                            }[];
                        }[];
                        notes: {
                            id: string;
                            accountId: string;
                            body: string;
                            authorId: string | null;
                            authorName: string | null;
                            taskId: string | null;
                            createdAt: string;
                        }[];
                        debtorLocalTime: {
                            timeZone: string;
                            date: string;
                            time: string;
                            withinContactHours: boolean;
                            zones: {
                                timeZone: string;
                                date: string;
                                time: string;
                                withinContactHours: boolean;
                            }[];
                            contactId: string | null;
                            explanation: string;
                            contactHours: {
                                start: string;
                                end: string;
                            };
                        };
                        balance: {
                            amountMinor: string;
                            currency: string;
                        }[];
                        prediction: {
                            riskScore: number;
                            lateProbability: number;
                            predictedDaysLate: number;
                            predictedPayDate: string;
                            recent: string | null;
                            /** @enum {string} */
                            confidence: "normal" | "low";
                        } | null;
                        workflow: unknown | null;
                        workflowError?: string;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getAccountsByIdTimeline: {
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
            /** @description The decisions, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        steps: {
                            eventId: string;
                            at: string | null;
                            /** @enum {string} */
                            kind: "started" | "condition" | "switch" | "wait" | "reminder" | "task" | "task-outcome" | "escalation" | "assignment" | "tags" | "payment-plan" | "promise" | "payment" | "dispute" | "portal" | "account-changed" | "migrated" | "ended";
                            nodeId: string | null;
                            nodeLabel: string | null;
                            title: string;
                            why: string | null;
                            facts: {
                                [key: string]: unknown;
                            };
                        }[];
                        unavailable: string | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getAccountsByIdCommunicationsByCommunicationId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                communicationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The communication. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        channel: string;
                        /** @enum {string} */
                        direction: "outbound" | "inbound";
                        templateKey: string;
                        toAddress: string;
                        subject: string;
                        status: string;
                        reason: string | null;
                        createdAt: string;
                        sentAt: string | null;
                        hasBody: boolean;
                        bodyText: string;
                        bodyHtml: string | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getAccountsByIdNotes: {
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
            /** @description The notes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        accountId: string;
                        body: string;
                        authorId: string | null;
                        authorName: string | null;
                        taskId: string | null;
                        createdAt: string;
                    }[];
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postAccountsByIdNotes: {
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
                    body: string;
                };
            };
        };
        responses: {
            /** @description The note as stored. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        accountId: string;
                        body: string;
                        authorId: string | null;
                        authorName: string | null;
                        taskId: string | null;
                        createdAt: string;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postAccountsByIdCeaseCommunication: {
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
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The flag as it now stands. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accountId: string;
                        ceaseCommunication: boolean;
                        ceaseCommunicationAt: string | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    deleteAccountsByIdCeaseCommunication: {
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
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The flag as it now stands. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accountId: string;
                        ceaseCommunication: boolean;
                        ceaseCommunicationAt: string | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getAccountsByIdPromises: {
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
            /** @description The promises and the balance in the account's currency. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            accountId: string;
                            amount: {
                                amountMinor: string;
                                currency: string;
                            };
                            paid: {
                                amountMinor: string;
                                currency: string;
                            };
                            dueDate: string;
                            graceDays: number;
                            until: string;
                            /** @enum {string} */
                            status: "open" | "kept" | "broken" | "cancelled";
                            /** @enum {string} */
                            source: "api" | "task" | "plan" | "portal";
                            planId: string | null;
                            installmentNo: number | null;
                            taskId: string | null;
                            createdBy: string | null;
                            createdAt: string;
                            resolvedAt: string | null;
                        }[];
                        balance: {
                            open: {
                                amountMinor: string;
                                currency: string;
                            };
                            disputed: {
                                amountMinor: string;
                                currency: string;
                            };
                            collectible: {
                                amountMinor: string;
                                currency: string;
                            };
                        };
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postAccountsByIdPromises: {
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
                    amount: {
                        amountMinor: string | number;
                        currency: string;
                    };
                    dueDate: string;
                    graceDays?: number;
                };
            };
        };
        responses: {
            /** @description The promise as stored. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        accountId: string;
                        amount: {
                            amountMinor: string;
                            currency: string;
                        };
                        paid: {
                            amountMinor: string;
                            currency: string;
                        };
                        dueDate: string;
                        graceDays: number;
                        until: string;
                        /** @enum {string} */
                        status: "open" | "kept" | "broken" | "cancelled";
                        /** @enum {string} */
                        source: "api" | "task" | "plan" | "portal";
                        planId: string | null;
                        installmentNo: number | null;
                        taskId: string | null;
                        createdBy: string | null;
                        createdAt: string;
                        resolvedAt: string | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getAccountsByIdDisputes: {
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
            /** @description The disputes and the balance in the account's currency. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            accountId: string;
                            reason: string;
                            /** @enum {string} */
                            status: "open" | "resolved-valid" | "resolved-invalid";
                            items: {
                                invoiceId: string;
                                invoiceNumber: string;
                                amount: {
                                    amountMinor: string;
                                    currency: string;
                                };
                            }[];
                            openedBy: string | null;
                            openedAt: string;
                            resolvedBy: string | null;
                            resolvedAt: string | null;
                            resolutionNote: string | null;
                            creditNotes: {
                                id: string;
                                invoiceId: string;
                                amount: {
                                    amountMinor: string;
                                    currency: string;
                                };
                            }[];
                            attachments: {
                                id: string;
                                fileName: string;
                                mediaType: string;
                                sizeBytes: number;
                                createdAt: string;
                            }[];
                        }[];
                        balance: {
                            open: {
                                amountMinor: string;
                                currency: string;
                            };
                            disputed: {
                                amountMinor: string;
                                currency: string;
                            };
                            collectible: {
                                amountMinor: string;
                                currency: string;
                            };
                        };
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postAccountsByIdDisputes: {
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
                    reason: string;
                    items: {
                        /** Format: uuid */
                        invoiceId: string;
                        amount?: {
                            amountMinor: string | number;
                            currency: string;
                        };
                    }[];
                };
            };
        };
        responses: {
            /** @description The dispute as opened. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        accountId: string;
                        reason: string;
                        /** @enum {string} */
                        status: "open" | "resolved-valid" | "resolved-invalid";
                        items: {
                            invoiceId: string;
                            invoiceNumber: string;
                            amount: {
                                amountMinor: string;
                                currency: string;
                            };
                        }[];
                        openedBy: string | null;
                        openedAt: string;
                        resolvedBy: string | null;
                        resolvedAt: string | null;
                        resolutionNote: string | null;
                        creditNotes: {
                            id: string;
                            invoiceId: string;
                            amount: {
                                amountMinor: string;
                                currency: string;
                            };
                        }[];
                        attachments: {
                            id: string;
                            fileName: string;
                            mediaType: string;
                            sizeBytes: number;
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postDisputesByIdResolve: {
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
                    /** @enum {string} */
                    resolution: "valid" | "invalid";
                    note: string;
                };
            };
        };
        responses: {
            /** @description The dispute as resolved, with the credit notes written. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        accountId: string;
                        reason: string;
                        /** @enum {string} */
                        status: "open" | "resolved-valid" | "resolved-invalid";
                        items: {
                            invoiceId: string;
                            invoiceNumber: string;
                            amount: {
                                amountMinor: string;
                                currency: string;
                            };
                        }[];
                        openedBy: string | null;
                        openedAt: string;
                        resolvedBy: string | null;
                        resolvedAt: string | null;
                        resolutionNote: string | null;
                        creditNotes: {
                            id: string;
                            invoiceId: string;
                            amount: {
                                amountMinor: string;
                                currency: string;
                            };
                        }[];
                        attachments: {
                            id: string;
                            fileName: string;
                            mediaType: string;
                            sizeBytes: number;
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getDisputesByIdAttachmentsByAttachmentId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file's bytes, as application/pdf, image/png or image/jpeg (the attachment's `mediaType`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": unknown;
                    "image/png": unknown;
                    "image/jpeg": unknown;
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getTasksInbox: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                scope?: "mine" | "claimable";
                status?: "open" | "done" | "cancelled";
                type?: "call" | "review" | "escalation" | "portal-request";
                due?: "today" | "overdue";
                segment?: string;
                q?: string;
                sort?: "priority" | "due";
                tz?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of ranked tasks, with the segments to filter by. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            accountId: string;
                            accountName: string | null;
                            key: string;
                            workflowId: string;
                            nodeId: string;
                            taskType: string;
                            title: string;
                            /** @enum {string} */
                            status: "open" | "done" | "cancelled";
                            assigneeId: string | null;
                            outcomes: string[];
                            outcome: string | null;
                            note: string | null;
                            dueAt: string;
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "urgent";
                            createdAt: string;
                            completedAt: string | null;
                            completedBy: string | null;
                            account: {
                                id: string;
                                name: string;
                                externalRef: string;
                                segment: string;
                                timeZone: string;
                            };
                            ranking: {
                                score: number;
                                parts: {
                                    overdue: {
                                        amount: {
                                            amountMinor: string;
                                            currency: string;
                                        };
                                        points: number;
                                    };
                                    age: {
                                        daysPastDue: number;
                                        points: number;
                                    };
                                    taskOverdue: {
                                        hours: number;
                                        points: number;
                                    };
                                    risk: {
                                        score: number | null;
                                        points: number;
                                        source: ("predicted" | "imported") | null;
                                        lateProbability: number | null;
                                        reason: string | null;
                                        confidence: ("normal" | "low") | null;
                                    };
                                    strategy: {
                                        /** @enum {string} */
                                        priority: "low" | "normal" | "high" | "urgent";
                                        points: number;
                                    };
                                };
                            };
                            claimable: boolean;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                        segments: string[];
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getTasks: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                status?: "open" | "done" | "cancelled";
                assignee?: string | "me" | "none";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of tasks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            accountId: string;
                            accountName: string | null;
                            key: string;
                            workflowId: string;
                            nodeId: string;
                            taskType: string;
                            title: string;
                            /** @enum {string} */
                            status: "open" | "done" | "cancelled";
                            assigneeId: string | null;
                            outcomes: string[];
                            outcome: string | null;
                            note: string | null;
                            dueAt: string;
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "urgent";
                            createdAt: string;
                            completedAt: string | null;
                            completedBy: string | null;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getTasksById: {
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
            /** @description The task. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        accountId: string;
                        accountName: string | null;
                        key: string;
                        workflowId: string;
                        nodeId: string;
                        taskType: string;
                        title: string;
                        /** @enum {string} */
                        status: "open" | "done" | "cancelled";
                        assigneeId: string | null;
                        outcomes: string[];
                        outcome: string | null;
                        note: string | null;
                        dueAt: string;
                        /** @enum {string} */
                        priority: "low" | "normal" | "high" | "urgent";
                        createdAt: string;
                        completedAt: string | null;
                        completedBy: string | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postTasksByIdComplete: {
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
                    outcome: string;
                    note?: string;
                    promise?: {
                        amount: {
                            amountMinor: string | number;
                            currency: string;
                        };
                        dueDate: string;
                        graceDays?: number;
                    };
                    plan?: {
                        installments: number;
                        intervalDays: number;
                        firstDueDate: string;
                        graceDays?: number;
                    };
                    dispute?: {
                        reason: string;
                        items: {
                            /** Format: uuid */
                            invoiceId: string;
                            amount?: {
                                amountMinor: string | number;
                                currency: string;
                            };
                        }[];
                    };
                    /** Format: date-time */
                    callBackAt?: string;
                    call?: {
                        /** @enum {string} */
                        result: "conversation" | "no-answer" | "voicemail" | "busy" | "wrong-number";
                        /** Format: date-time */
                        placedAt?: string;
                        invoiceIds?: string[];
                    };
                };
            };
        };
        responses: {
            /** @description The task as it now stands: done, or for a call-back still open with its new due time. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        accountId: string;
                        accountName: string | null;
                        key: string;
                        workflowId: string;
                        nodeId: string;
                        taskType: string;
                        title: string;
                        /** @enum {string} */
                        status: "open" | "done" | "cancelled";
                        assigneeId: string | null;
                        outcomes: string[];
                        outcome: string | null;
                        note: string | null;
                        dueAt: string;
                        /** @enum {string} */
                        priority: "low" | "normal" | "high" | "urgent";
                        createdAt: string;
                        completedAt: string | null;
                        completedBy: string | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getTasksByIdCallCheck: {
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
            /** @description Allowed, or refused with the rules that refuse it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        allowed: true;
                        checkedAt: string;
                    } | {
                        /** @constant */
                        allowed: false;
                        checkedAt: string;
                        rules: ("max-attempts-in-window" | "quiet-after-conversation" | "contact-hours" | "cease-communication")[];
                        reason: string;
                        nextAllowedAt: string | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postTasksByIdClaim: {
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
            /** @description The task, now assigned to the caller. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        accountId: string;
                        accountName: string | null;
                        key: string;
                        workflowId: string;
                        nodeId: string;
                        taskType: string;
                        title: string;
                        /** @enum {string} */
                        status: "open" | "done" | "cancelled";
                        assigneeId: string | null;
                        outcomes: string[];
                        outcome: string | null;
                        note: string | null;
                        dueAt: string;
                        /** @enum {string} */
                        priority: "low" | "normal" | "high" | "urgent";
                        createdAt: string;
                        completedAt: string | null;
                        completedBy: string | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postTasksByIdRelease: {
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
            /** @description The task, now unassigned. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        accountId: string;
                        accountName: string | null;
                        key: string;
                        workflowId: string;
                        nodeId: string;
                        taskType: string;
                        title: string;
                        /** @enum {string} */
                        status: "open" | "done" | "cancelled";
                        assigneeId: string | null;
                        outcomes: string[];
                        outcome: string | null;
                        note: string | null;
                        dueAt: string;
                        /** @enum {string} */
                        priority: "low" | "normal" | "high" | "urgent";
                        createdAt: string;
                        completedAt: string | null;
                        completedBy: string | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getTeamWorkload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workload per collector and of the unassigned queue. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        asOf: string;
                        collectors: {
                            id: string;
                            name: string;
                            email: string;
                            active: boolean;
                            managerId: string | null;
                            capacity: number;
                            skills: string[];
                            pools: string[];
                            openTasks: number;
                            overdueTasks: number;
                            accounts: number;
                            owingAccounts: number;
                            openBalance: {
                                amountMinor: string;
                                currency: string;
                            }[];
                            utilisationPercent: number | null;
                        }[];
                        queue: {
                            openTasks: number;
                            overdueTasks: number;
                            accounts: number;
                            openBalance: {
                                amountMinor: string;
                                currency: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postTeamTasksReassign: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    taskIds: string[];
                    /** Format: uuid */
                    collectorId: string;
                };
            };
        };
        responses: {
            /** @description Which tasks changed hands and which were already with the collector. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        collectorId: string;
                        reassigned: string[];
                        unchanged: string[];
                        movedTasks: number;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postTeamAccountsReassign: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accountIds: string[];
                    /** Format: uuid */
                    collectorId: string;
                };
            };
        };
        responses: {
            /** @description Which accounts changed hands, which were already with the collector, and how many tasks followed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        collectorId: string;
                        reassigned: string[];
                        unchanged: string[];
                        movedTasks: number;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    patchTeamCollectorsById: {
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
                    capacity?: number;
                    skills?: string[];
                    pools?: string[];
                };
            };
        };
        responses: {
            /** @description The collector's workload with the new settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        email: string;
                        active: boolean;
                        managerId: string | null;
                        capacity: number;
                        skills: string[];
                        pools: string[];
                        openTasks: number;
                        overdueTasks: number;
                        accounts: number;
                        owingAccounts: number;
                        openBalance: {
                            amountMinor: string;
                            currency: string;
                        }[];
                        utilisationPercent: number | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postPayments: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    accountId?: string;
                    accountRef?: string;
                    amount: {
                        amountMinor: string | number;
                        currency: string;
                    };
                    /** Format: date-time */
                    receivedAt?: string;
                    reference?: string;
                    payerName?: string;
                };
            };
        };
        responses: {
            /** @description The payment, its allocations and the account's open balance afterwards (also when replayed). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        payment: {
                            id: string;
                            accountId: string;
                            amount: {
                                amountMinor: string;
                                currency: string;
                            };
                            unallocated: {
                                amountMinor: string;
                                currency: string;
                            };
                            receivedAt: string;
                            reference: string;
                            payerName: string | null;
                        };
                        allocations: {
                            id: string;
                            invoiceId: string;
                            invoiceNumber: string;
                            amountMinor: string;
                            invoiceOpenMinorAfter: string;
                        }[];
                        note: string | null;
                        balance: {
                            amountMinor: string;
                            currency: string;
                        }[];
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postPaymentsByIdReverse: {
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
                    reason: string;
                };
            };
        };
        responses: {
            /** @description What each invoice owes again and the account's open balance after the reversal. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        paymentId: string;
                        accountId: string;
                        restored: {
                            invoiceId: string;
                            amountMinor: string;
                        }[];
                        balance: {
                            amountMinor: string;
                            currency: string;
                        }[];
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getBankStatements: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statements. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        format: "camt.053" | "camt.054" | "mt940" | "bai2" | "csv";
                        statementRef: string;
                        filename: string;
                        /** @enum {string} */
                        status: "received" | "unbalanced" | "reconciling" | "reconciled" | "failed" | "rejected";
                        createdAt: string;
                        duplicate: boolean;
                        lines: number;
                        newLines: number;
                        alreadySeen: number;
                        imbalances: {
                            account: string;
                            currency: string;
                            where: string;
                            message: string;
                            differenceMinor: string | null;
                        }[];
                        review: {
                            /** @enum {string} */
                            decision: "released" | "rejected";
                            reason: string;
                            byUserId: string | null;
                            at: string;
                        } | null;
                        progress: {
                            lines: number;
                            pending: number;
                            applied: number;
                            reversed: number;
                            exceptions: number;
                            skipped: number;
                            appliedMinor: {
                                currency: string;
                                amountMinor: string;
                            }[];
                        };
                    }[];
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postBankStatements: {
        parameters: {
            query?: {
                format?: "camt.053" | "camt.054" | "mt940" | "bai2" | "csv" | "auto";
                mapping?: string;
                filename?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The statement file as bytes. A byte-order mark, else the charset the content type names, decides the encoding; without either it is UTF-8 when the bytes are valid UTF-8, else Windows-1252. */
        requestBody: {
            content: {
                "application/xml": unknown;
                "text/xml": unknown;
                "text/plain": unknown;
                "text/csv": unknown;
                "application/octet-stream": unknown;
            };
        };
        responses: {
            /** @description The file was imported before; nothing changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        format: "camt.053" | "camt.054" | "mt940" | "bai2" | "csv";
                        statementRef: string;
                        filename: string;
                        /** @enum {string} */
                        status: "received" | "unbalanced" | "reconciling" | "reconciled" | "failed" | "rejected";
                        createdAt: string;
                        duplicate: boolean;
                        lines: number;
                        newLines: number;
                        alreadySeen: number;
                        alreadySeenLines: {
                            source: string;
                            matchedLineId: string;
                            matchedStatementId: string;
                            matchedSource: string;
                            reason: string;
                        }[];
                        imbalances: {
                            account: string;
                            currency: string;
                            where: string;
                            message: string;
                            differenceMinor: string | null;
                        }[];
                        review: {
                            /** @enum {string} */
                            decision: "released" | "rejected";
                            reason: string;
                            byUserId: string | null;
                            at: string;
                        } | null;
                    };
                };
            };
            /** @description The statement was stored. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        format: "camt.053" | "camt.054" | "mt940" | "bai2" | "csv";
                        statementRef: string;
                        filename: string;
                        /** @enum {string} */
                        status: "received" | "unbalanced" | "reconciling" | "reconciled" | "failed" | "rejected";
                        createdAt: string;
                        duplicate: boolean;
                        lines: number;
                        newLines: number;
                        alreadySeen: number;
                        alreadySeenLines: {
                            source: string;
                            matchedLineId: string;
                            matchedStatementId: string;
                            matchedSource: string;
                            reason: string;
                        }[];
                        imbalances: {
                            account: string;
                            currency: string;
                            where: string;
                            message: string;
                            differenceMinor: string | null;
                        }[];
                        review: {
                            /** @enum {string} */
                            decision: "released" | "rejected";
                            reason: string;
                            byUserId: string | null;
                            at: string;
                        } | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getBankStatementsById: {
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
            /** @description The statement. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        format: "camt.053" | "camt.054" | "mt940" | "bai2" | "csv";
                        statementRef: string;
                        filename: string;
                        /** @enum {string} */
                        status: "received" | "unbalanced" | "reconciling" | "reconciled" | "failed" | "rejected";
                        createdAt: string;
                        duplicate: boolean;
                        lines: number;
                        newLines: number;
                        alreadySeen: number;
                        alreadySeenLines: {
                            source: string;
                            matchedLineId: string;
                            matchedStatementId: string;
                            matchedSource: string;
                            reason: string;
                        }[];
                        imbalances: {
                            account: string;
                            currency: string;
                            where: string;
                            message: string;
                            differenceMinor: string | null;
                        }[];
                        review: {
                            /** @enum {string} */
                            decision: "released" | "rejected";
                            reason: string;
                            byUserId: string | null;
                            at: string;
                        } | null;
                        progress: {
                            lines: number;
                            pending: number;
                            applied: number;
                            reversed: number;
                            exceptions: number;
                            skipped: number;
                            appliedMinor: {
                                currency: string;
                                amountMinor: string;
                            }[];
                        };
                        workflow: {
                            workflowId: string;
                            status: string;
                        } | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getBankStatementsByIdLines: {
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
            /** @description The lines. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        accountNumber: string;
                        bankRef: string | null;
                        customerRef: string | null;
                        /** @enum {string} */
                        direction: "credit" | "debit";
                        amount: {
                            amountMinor: string;
                            currency: string;
                        };
                        valueDate: string | null;
                        text: string;
                        counterparty: string | null;
                        returned: boolean;
                        /** @enum {string} */
                        status: "pending" | "exception" | "applied" | "skipped" | "rejected";
                        source: string;
                        accountId: string | null;
                        rule: string | null;
                        confidence: number | null;
                        reason: string | null;
                        residualMinor: string | null;
                    }[];
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postBankStatementsByIdReconcile: {
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
            /** @description The statement; its reconciliation runs in the background. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        format: "camt.053" | "camt.054" | "mt940" | "bai2" | "csv";
                        statementRef: string;
                        filename: string;
                        /** @enum {string} */
                        status: "received" | "unbalanced" | "reconciling" | "reconciled" | "failed" | "rejected";
                        createdAt: string;
                        duplicate: boolean;
                        lines: number;
                        newLines: number;
                        alreadySeen: number;
                        alreadySeenLines: {
                            source: string;
                            matchedLineId: string;
                            matchedStatementId: string;
                            matchedSource: string;
                            reason: string;
                        }[];
                        imbalances: {
                            account: string;
                            currency: string;
                            where: string;
                            message: string;
                            differenceMinor: string | null;
                        }[];
                        review: {
                            /** @enum {string} */
                            decision: "released" | "rejected";
                            reason: string;
                            byUserId: string | null;
                            at: string;
                        } | null;
                        progress: {
                            lines: number;
                            pending: number;
                            applied: number;
                            reversed: number;
                            exceptions: number;
                            skipped: number;
                            appliedMinor: {
                                currency: string;
                                amountMinor: string;
                            }[];
                        };
                        workflow: {
                            workflowId: string;
                            status: string;
                        } | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postBankStatementsByIdRelease: {
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
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The statement with the decision recorded. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        format: "camt.053" | "camt.054" | "mt940" | "bai2" | "csv";
                        statementRef: string;
                        filename: string;
                        /** @enum {string} */
                        status: "received" | "unbalanced" | "reconciling" | "reconciled" | "failed" | "rejected";
                        createdAt: string;
                        duplicate: boolean;
                        lines: number;
                        newLines: number;
                        alreadySeen: number;
                        alreadySeenLines: {
                            source: string;
                            matchedLineId: string;
                            matchedStatementId: string;
                            matchedSource: string;
                            reason: string;
                        }[];
                        imbalances: {
                            account: string;
                            currency: string;
                            where: string;
                            message: string;
                            differenceMinor: string | null;
                        }[];
                        review: {
                            /** @enum {string} */
                            decision: "released" | "rejected";
                            reason: string;
                            byUserId: string | null;
                            at: string;
                        } | null;
                        progress: {
                            lines: number;
                            pending: number;
                            applied: number;
                            reversed: number;
                            exceptions: number;
                            skipped: number;
                            appliedMinor: {
                                currency: string;
                                amountMinor: string;
                            }[];
                        };
                        workflow: {
                            workflowId: string;
                            status: string;
                        } | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postBankStatementsByIdReject: {
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
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The statement with the decision recorded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        format: "camt.053" | "camt.054" | "mt940" | "bai2" | "csv";
                        statementRef: string;
                        filename: string;
                        /** @enum {string} */
                        status: "received" | "unbalanced" | "reconciling" | "reconciled" | "failed" | "rejected";
                        createdAt: string;
                        duplicate: boolean;
                        lines: number;
                        newLines: number;
                        alreadySeen: number;
                        alreadySeenLines: {
                            source: string;
                            matchedLineId: string;
                            matchedStatementId: string;
                            matchedSource: string;
                            reason: string;
                        }[];
                        imbalances: {
                            account: string;
                            currency: string;
                            where: string;
                            message: string;
                            differenceMinor: string | null;
                        }[];
                        review: {
                            /** @enum {string} */
                            decision: "released" | "rejected";
                            reason: string;
                            byUserId: string | null;
                            at: string;
                        } | null;
                        progress: {
                            lines: number;
                            pending: number;
                            applied: number;
                            reversed: number;
                            exceptions: number;
                            skipped: number;
                            appliedMinor: {
                                currency: string;
                                amountMinor: string;
                            }[];
                        };
                        workflow: {
                            workflowId: string;
                            status: string;
                        } | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getStatementLinesExceptions: {
        parameters: {
            query?: {
                statementId?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The waiting lines. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            statementId: string;
                            position: number;
                            source: string;
                            bankRef: string | null;
                            customerRef: string | null;
                            /** @enum {string} */
                            direction: "credit" | "debit";
                            returned: boolean;
                            amount: {
                                amountMinor: string;
                                currency: string;
                            };
                            valueDate: string | null;
                            text: string;
                            counterparty: string | null;
                            reason: string | null;
                            suggestion: {
                                accountId: string;
                                accountRef: string;
                                accountName: string;
                                rule: string | null;
                                confidence: number | null;
                                allocations: {
                                    invoiceId: string;
                                    invoiceNumber: string;
                                    amountMinor: string;
                                }[];
                            } | null;
                        }[];
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getStatementLinesDeductions: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The short payments. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            lineId: string;
                            statementId: string;
                            account: {
                                id: string;
                                externalRef: string;
                                name: string;
                            };
                            amount: {
                                amountMinor: string;
                                currency: string;
                            };
                            residualMinor: string;
                            text: string;
                            valueDate: string | null;
                            invoices: {
                                invoiceId: string;
                                number: string;
                                openMinor: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postStatementLinesByIdMatch: {
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
                    accountId: string;
                    allocations?: {
                        /** Format: uuid */
                        invoiceId: string;
                        amountMinor: string | number;
                    }[];
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The line as resolved, with the payment made from it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        lineId: string;
                        /** @enum {string} */
                        status: "applied" | "skipped";
                        paymentId: string | null;
                        accountId: string | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postStatementLinesByIdReverse: {
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
                    paymentId: string;
                };
            };
        };
        responses: {
            /** @description The line as resolved, with the reversed payment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        lineId: string;
                        /** @enum {string} */
                        status: "applied" | "skipped";
                        paymentId: string | null;
                        accountId: string | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postStatementLinesByIdSkip: {
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
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The line as resolved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        lineId: string;
                        /** @enum {string} */
                        status: "applied" | "skipped";
                        paymentId: string | null;
                        accountId: string | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    putStatementMappingsByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    delimiter?: string;
                    hasHeader: boolean;
                    columns: {
                        valueDate: string;
                        amount: string;
                        currency?: string;
                        direction?: string;
                        bankRef?: string;
                        customerRef?: string;
                        text?: string[];
                        counterparty?: string;
                    };
                    debitValues?: string[];
                    currency?: string;
                    /** @enum {string} */
                    dateFormat: "YYYY-MM-DD" | "DD.MM.YYYY" | "DD/MM/YYYY" | "MM/DD/YYYY";
                    /** @enum {string} */
                    decimalSeparator: "." | ",";
                    /** @enum {string} */
                    thousandsSeparator?: "" | "." | "," | " " | "'";
                    accountNumber: string;
                };
            };
        };
        responses: {
            /** @description The name the mapping was saved under. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getOutbox: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                recipient?: string;
                subject?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of messages. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            receivedAt: string;
                            mailFrom: string | null;
                            rcptTo: string[];
                            subject: string | null;
                            messageId: string | null;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getOutboxById: {
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
            /** @description The message. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        receivedAt: string;
                        mailFrom: string | null;
                        rcptTo: string[];
                        subject: string | null;
                        messageId: string | null;
                        textBody: string | null;
                        htmlBody: string | null;
                        raw: string;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postImportsPortfolio: {
        parameters: {
            query?: {
                mode?: "all-or-nothing" | "valid-only";
                filename?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description `{ "accounts": [...] }`, UTF-8 (or UTF-16 when the charset says so), read as a bounded stream. Each entry is checked on its own as an account: `externalRef`, `name`, `customerType`, optional `segment`, `currency`, `timeZone`, `contacts` and `invoices` (`number`, `issueDate`, `dueDate`, `amount`), so a bad entry is reported by its position rather than refusing the body. */
        requestBody: {
            content: {
                "application/json": {
                    accounts: unknown[];
                };
            };
        };
        responses: {
            /** @description What the import wrote and how far the starting of its workflows got. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        batchId: string;
                        /** @enum {string} */
                        status: "imported" | "partially-imported" | "rejected";
                        rowsTotal: number;
                        rowsImported: number;
                        accountsCreated: number;
                        accountsUpdated: number;
                        invoicesCreated: number;
                        /** @enum {string} */
                        workflowStatus: "pending" | "starting" | "started" | "failed";
                        workflowsTotal: number;
                        workflowsProcessed: number;
                        workflowsStarted: number;
                        workflowErrors: {
                            accountId: string;
                            message: string;
                        }[];
                        workflowNote: string | null;
                        skipped: {
                            accountRef: string | null;
                            lines: number[];
                            problems: {
                                line: number;
                                field: string;
                                reason: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postImportsPortfolioCsv: {
        parameters: {
            query?: {
                mode?: "all-or-nothing" | "valid-only";
                filename?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The CSV file with a header row, read as a bounded stream; the charset is the one the content type names, UTF-8 when none. Required columns: account_ref, account_name, customer_type, time_zone, invoice_number, issue_date, due_date, currency, and one of amount (major units) or amount_minor. Optional: segment, contact_name, email, phone, consent_email. The account columns repeat on every row of the account and must agree. Problems name the 1-based line, the header being line 1. */
        requestBody: {
            content: {
                "text/csv": unknown;
            };
        };
        responses: {
            /** @description What the import wrote and how far the starting of its workflows got. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        batchId: string;
                        /** @enum {string} */
                        status: "imported" | "partially-imported" | "rejected";
                        rowsTotal: number;
                        rowsImported: number;
                        accountsCreated: number;
                        accountsUpdated: number;
                        invoicesCreated: number;
                        /** @enum {string} */
                        workflowStatus: "pending" | "starting" | "started" | "failed";
                        workflowsTotal: number;
                        workflowsProcessed: number;
                        workflowsStarted: number;
                        workflowErrors: {
                            accountId: string;
                            message: string;
                        }[];
                        workflowNote: string | null;
                        skipped: {
                            accountRef: string | null;
                            lines: number[];
                            problems: {
                                line: number;
                                field: string;
                                reason: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getImportsById: {
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
            /** @description The batch. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        kind: string;
                        /** @enum {string} */
                        format: "csv" | "json";
                        filename: string | null;
                        /** @enum {string} */
                        status: "imported" | "partially-imported" | "rejected";
                        rowsTotal: number;
                        rowsImported: number;
                        errors: unknown;
                        createdBy: string | null;
                        createdAt: string;
                        workflows: {
                            /** @enum {string} */
                            status: "pending" | "starting" | "started" | "failed";
                            total: number;
                            processed: number;
                            started: number;
                            withoutStrategy: number;
                            errors: {
                                accountId: string;
                                message: string;
                            }[];
                            note: string | null;
                        } | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getImportsByIdRaw: {
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
            /** @description The uploaded file (text/csv for a CSV import, application/json for a JSON one). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": unknown;
                    "application/json": unknown;
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getStrategies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The strategies. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description: string;
                        draft: unknown;
                        isDefault: boolean;
                        createdBy: string | null;
                        createdAt: string;
                        updatedAt: string;
                        latestVersion: {
                            id: string;
                            strategyId: string;
                            version: number;
                            checksum: string;
                            publishedAt: string;
                            publishedBy: string | null;
                        } | null;
                    }[];
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postStrategies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @default  */
                    description?: string;
                    draft?: unknown;
                    isDefault?: boolean;
                };
            };
        };
        responses: {
            /** @description The strategy as stored, with no published version yet. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description: string;
                        draft: unknown;
                        isDefault: boolean;
                        createdBy: string | null;
                        createdAt: string;
                        updatedAt: string;
                        latestVersion: {
                            id: string;
                            strategyId: string;
                            version: number;
                            checksum: string;
                            publishedAt: string;
                            publishedBy: string | null;
                        } | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postStrategiesValidate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The strategy graph document itself, or `{ "graph": document }`. Any JSON is accepted; what is wrong with it comes back as problems. */
        requestBody: {
            content: {
                "application/json": unknown;
            };
        };
        responses: {
            /** @description The outcome of the check. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        valid: boolean;
                        problems: {
                            code: string;
                            message: string;
                            nodeId?: string;
                            edgeId?: string;
                        }[];
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getStrategiesById: {
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
            /** @description The strategy. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description: string;
                        draft: unknown;
                        isDefault: boolean;
                        createdBy: string | null;
                        createdAt: string;
                        updatedAt: string;
                        latestVersion: {
                            id: string;
                            strategyId: string;
                            version: number;
                            checksum: string;
                            publishedAt: string;
                            publishedBy: string | null;
                        } | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    putStrategiesById: {
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
                    description?: string;
                    draft?: unknown;
                    isDefault?: boolean;
                };
            };
        };
        responses: {
            /** @description The strategy as it now stands. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description: string;
                        draft: unknown;
                        isDefault: boolean;
                        createdBy: string | null;
                        createdAt: string;
                        updatedAt: string;
                        latestVersion: {
                            id: string;
                            strategyId: string;
                            version: number;
                            checksum: string;
                            publishedAt: string;
                            publishedBy: string | null;
                        } | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postStrategiesByIdPublish: {
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
            /** @description The new version, with its frozen graph and checksum. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        strategyId: string;
                        version: number;
                        checksum: string;
                        publishedAt: string;
                        publishedBy: string | null;
                        graph: unknown;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getStrategiesByIdVersions: {
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
            /** @description The versions, without their graphs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        strategyId: string;
                        version: number;
                        checksum: string;
                        publishedAt: string;
                        publishedBy: string | null;
                    }[];
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getStrategyVersionsById: {
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
            /** @description The version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        strategyId: string;
                        version: number;
                        checksum: string;
                        publishedAt: string;
                        publishedBy: string | null;
                        graph: unknown;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getStrategyVersionsByIdLive: {
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
            /** @description The counts by node. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        strategyVersionId: string;
                        counts: {
                            [key: string]: number;
                        };
                        running: number;
                        queried: number;
                        failed: number;
                        truncated: boolean;
                        at: string;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postStrategyVersionsByIdMigrate: {
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
                    fromVersionId: string;
                    nodeMapping?: {
                        [key: string]: string;
                    };
                    accountIds?: string[];
                };
            };
        };
        responses: {
            /** @description What happened to each account of the cohort. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        targetVersionId: string;
                        cohort: number;
                        migrated: {
                            accountId: string;
                            nodeId: string;
                        }[];
                        refused: {
                            accountId: string;
                            reason: string;
                        }[];
                        notRunning: string[];
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getStrategyAssignments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The assignments by segment, and the fallback. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assignments: {
                            id: string;
                            segment: string;
                            splits: {
                                strategyVersionId: string;
                                percent: number;
                                label: string | null;
                                strategyId: string;
                                strategyName: string;
                                version: number;
                            }[];
                            createdBy: string | null;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        fallback: {
                            strategyId: string;
                            strategyName: string;
                            strategyVersionId: string;
                            version: number;
                        } | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    putStrategyAssignmentsBySegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                segment: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    splits: {
                        /** Format: uuid */
                        strategyVersionId: string;
                        percent: number;
                        label?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description The assignment as stored, with each arm's strategy name and version number. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        segment: string;
                        splits: {
                            strategyVersionId: string;
                            percent: number;
                            label: string | null;
                            strategyId: string;
                            strategyName: string;
                            version: number;
                        }[];
                        createdBy: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    deleteStrategyAssignmentsBySegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                segment: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The assignment is gone. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postSimulations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    strategyVersionId?: string;
                    graph?: unknown;
                    accountIds?: string[];
                    portfolio?: {
                        size: number;
                        /** @default 1 */
                        seed?: number;
                    };
                    /** @default 90 */
                    days?: number;
                    /** Format: date-time */
                    start?: string;
                    /** @default 1 */
                    seed?: number;
                    /**
                     * @default {
                     *       "payOnTime": 0,
                     *       "payAfterReminder": 0
                     *     }
                     */
                    scenario?: {
                        /** @default 0 */
                        payOnTime?: number;
                        /** @default 0 */
                        payAfterReminder?: number;
                        taskOutcomes?: {
                            [key: string]: number;
                        };
                        keepPromise?: number;
                        promiseAfterReminder?: number;
                        disputeShare?: number;
                        disputeValid?: number;
                        disputeResolvedAfterDays?: number;
                        conditionResults?: {
                            fixed?: {
                                [key: string]: boolean;
                            };
                            facts?: {
                                /** @enum {string} */
                                customerType?: "consumer" | "business";
                                segment?: string;
                                riskScore?: number | null;
                                openInvoiceCount?: number;
                            };
                        };
                    };
                    /** @default 50 */
                    sampleSize?: number;
                    /** @default false */
                    includeTimelines?: boolean;
                };
            };
        };
        responses: {
            /** @description Daily and per-node counts, outcomes, sampled account paths and, when asked, every timeline. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        strategyVersionId: string | null;
                        start: string;
                        days: number;
                        accounts: number;
                        perDay: {
                            day: number;
                            date: string;
                            reminders: number;
                            tasks: number;
                            escalations: number;
                            settlements: number;
                        }[];
                        totals: {
                            reminders: number;
                            tasks: number;
                            escalations: number;
                            settlements: number;
                        };
                        perNode: {
                            [key: string]: {
                                entered: number;
                                reminders: number;
                                tasks: number;
                                escalations: number;
                            };
                        };
                        outcomes: {
                            [key: string]: number;
                        };
                        samples: {
                            accountId: string;
                            outcome: string | null;
                            endNodeId: string;
                            path: {
                                nodeId: string;
                                day: number;
                            }[];
                            events: {
                                day: number;
                                at: string;
                                nodeId: string;
                                kind: string;
                                detail: string;
                            }[];
                        }[];
                        timelines?: {
                            accountId: string;
                            outcome: string | null;
                            endNodeId: string;
                            events: {
                                day: number;
                                at: string;
                                nodeId: string;
                                kind: string;
                                detail: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The templates. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        key: string;
                        /** @enum {string} */
                        channel: "email" | "sms" | "letter" | "webhook";
                        name: string;
                        subject: string;
                        bodyText: string;
                        smsText: string | null;
                        attachLetter: boolean;
                        updatedAt: string;
                    }[];
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    /**
                     * @default email
                     * @enum {string}
                     */
                    channel?: "email" | "sms" | "letter" | "webhook";
                    name: string;
                    subject: string;
                    bodyText: string;
                    /** @default null */
                    smsText?: string | null;
                    /** @default false */
                    attachLetter?: boolean;
                };
            };
        };
        responses: {
            /** @description The template as stored. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        key: string;
                        /** @enum {string} */
                        channel: "email" | "sms" | "letter" | "webhook";
                        name: string;
                        subject: string;
                        bodyText: string;
                        smsText: string | null;
                        attachLetter: boolean;
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postTemplatesPreview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    accountId: string;
                    /** @enum {string} */
                    channel: "email" | "sms" | "letter" | "webhook";
                    subject: string;
                    bodyText: string;
                    smsText?: string | null;
                };
            };
        };
        responses: {
            /** @description The rendered subject and text. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        subject: string;
                        text: string;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getTemplatesByKey: {
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
            /** @description The template. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        key: string;
                        /** @enum {string} */
                        channel: "email" | "sms" | "letter" | "webhook";
                        name: string;
                        subject: string;
                        bodyText: string;
                        smsText: string | null;
                        attachLetter: boolean;
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    putTemplatesByKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    channel?: "email" | "sms" | "letter" | "webhook";
                    name?: string;
                    subject?: string;
                    bodyText?: string;
                    smsText?: string | null;
                    attachLetter?: boolean;
                };
            };
        };
        responses: {
            /** @description The template as it now stands. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        key: string;
                        /** @enum {string} */
                        channel: "email" | "sms" | "letter" | "webhook";
                        name: string;
                        subject: string;
                        bodyText: string;
                        smsText: string | null;
                        attachLetter: boolean;
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postRulesEvaluate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    condition: components["schemas"]["__schema0"];
                    /** Format: uuid */
                    accountId: string;
                };
            };
        };
        responses: {
            /** @description Whether the rule holds, which comparisons held, and every fact it was evaluated on. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result: boolean;
                        matched: string[];
                        facts: {
                            [key: string]: unknown;
                        };
                        account: {
                            id: string;
                            name: string;
                            externalRef: string;
                        };
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getComplianceSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One setting per customer type. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        customerType: "consumer" | "business";
                        contactStartMinutes: number;
                        contactEndMinutes: number;
                        maxCallAttempts: number;
                        callWindowDays: number;
                        quietDaysAfterConversation: number;
                        /** @enum {string} */
                        callLimitScope: "debt" | "account";
                        updatedAt: string;
                    }[];
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    putComplianceSettingsByCustomerType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customerType: "consumer" | "business";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    contactStartMinutes: number;
                    contactEndMinutes: number;
                    maxCallAttempts: number;
                    callWindowDays: number;
                    quietDaysAfterConversation: number;
                    /** @enum {string} */
                    callLimitScope?: "debt" | "account";
                };
            };
        };
        responses: {
            /** @description The setting as it now stands. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        customerType: "consumer" | "business";
                        contactStartMinutes: number;
                        contactEndMinutes: number;
                        maxCallAttempts: number;
                        callWindowDays: number;
                        quietDaysAfterConversation: number;
                        /** @enum {string} */
                        callLimitScope: "debt" | "account";
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getAccountsByIdCalls: {
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
            /** @description The calls. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        placedAt: string;
                        /** @enum {string} */
                        outcome: "conversation" | "no-answer" | "voicemail" | "busy" | "wrong-number";
                        taskId: string | null;
                        userId: string | null;
                        invoiceIds: string[];
                    }[];
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postAccountsByIdCalls: {
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
                    /** @enum {string} */
                    outcome: "conversation" | "no-answer" | "voicemail" | "busy" | "wrong-number";
                    /** Format: date-time */
                    placedAt?: string;
                    /** Format: uuid */
                    taskId?: string;
                    invoiceIds?: string[];
                };
            };
        };
        responses: {
            /** @description The call as logged. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        placedAt: string;
                        /** @enum {string} */
                        outcome: "conversation" | "no-answer" | "voicemail" | "busy" | "wrong-number";
                        taskId: string | null;
                        userId: string | null;
                        invoiceIds: string[];
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getKpisOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The choices. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        currencies: {
                            currency: string;
                            invoiceCount: number;
                        }[];
                        defaultCurrency: string | null;
                        segments: string[];
                        strategyVersions: {
                            id: string;
                            strategyName: string;
                            version: number;
                        }[];
                        arms: string[];
                        collectors: {
                            id: string;
                            name: string;
                        }[];
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getKpis: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                currency?: string;
                segment?: string;
                strategyVersionId?: string;
                arm?: string;
                collectorId?: string;
                buckets?: string;
                format?: "json" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dashboard, with the filters as applied; with `format=csv`, the same figures as a CSV attachment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        filters: {
                            from: string;
                            to: string;
                            days: number;
                            currency: string;
                            segment: string | null;
                            strategyVersionId: string | null;
                            arm: string | null;
                            collectorId: string | null;
                            buckets: number[];
                        };
                        aging: {
                            asOf: string;
                            totalMinor: string;
                            invoiceCount: number;
                            buckets: {
                                key: string;
                                label: string;
                                fromDays: number | null;
                                toDays: number | null;
                                amountMinor: string;
                                invoiceCount: number;
                            }[];
                        };
                        dso: {
                            days: number;
                            endingArMinor: string;
                            currentArMinor: string;
                            creditSalesMinor: string;
                            simpleDso: number | null;
                            countbackDso: {
                                days: number;
                                complete: boolean;
                                monthsUsed: number;
                            };
                            bestPossibleDso: number | null;
                            averageDaysDelinquent: number | null;
                            months: {
                                month: string;
                                days: number;
                                salesMinor: string;
                            }[];
                        };
                        cei: {
                            beginningArMinor: string;
                            creditSalesMinor: string;
                            endingTotalArMinor: string;
                            endingCurrentArMinor: string;
                            cei: number | null;
                        };
                        recovery: {
                            overdueAtStartMinor: string;
                            collectedMinor: string;
                            recoveryRate: number | null;
                        };
                        promises: {
                            keptCount: number;
                            brokenCount: number;
                            keptMinor: string;
                            brokenMinor: string;
                            byCount: number | null;
                            byAmount: number | null;
                        };
                        productivity: {
                            rows: {
                                collectorId: string;
                                name: string;
                                email: string;
                                tasksClosed: number;
                                promisesObtained: number;
                                promisedMinor: string;
                                collectedMinor: string;
                            }[];
                        };
                        forecast: {
                            startDate: string;
                            historyFrom: string;
                            totalMinor: string;
                            rates: {
                                bucketKey: string;
                                label: string;
                                collectedMinor: string;
                                baseMinor: string;
                                rate: number | null;
                            }[];
                            prediction: {
                                modelId: string;
                                asOf: string;
                                invoices: number;
                                openMinor: string;
                            } | null;
                            weeks: {
                                week: number;
                                startDate: string;
                                endDate: string;
                                promisesMinor: string;
                                plansMinor: string;
                                predictedMinor: string;
                                invoicesMinor: string;
                                totalMinor: string;
                            }[];
                        };
                        backtest: {
                            modelId: string;
                            currency: string;
                            horizonWeeks: number;
                            origins: {
                                originDate: string;
                                invoices: number;
                                forecastMinor: string;
                                dueDateForecastMinor: string;
                                collectedMinor: string;
                                errorPercent: number | null;
                                dueDateErrorPercent: number | null;
                            }[];
                            meanAbsolutePercentError: number | null;
                            dueDateMeanAbsolutePercentError: number | null;
                        } | null;
                    };
                    "text/csv": unknown;
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getKpisByBlock: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                currency?: string;
                segment?: string;
                strategyVersionId?: string;
                arm?: string;
                collectorId?: string;
                buckets?: string;
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                /** @description One of aging, dso, cei, recovery, promises, productivity, forecast; with .csv appended (aging.csv) the block comes as CSV. */
                block: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The filters as applied and the block; as CSV (.csv suffix or `format=csv`), the block as a table in an attachment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        filters: {
                            from: string;
                            to: string;
                            days: number;
                            currency: string;
                            segment: string | null;
                            strategyVersionId: string | null;
                            arm: string | null;
                            collectorId: string | null;
                            buckets: number[];
                        };
                        aging: {
                            asOf: string;
                            totalMinor: string;
                            invoiceCount: number;
                            buckets: {
                                key: string;
                                label: string;
                                fromDays: number | null;
                                toDays: number | null;
                                amountMinor: string;
                                invoiceCount: number;
                            }[];
                        };
                    } | {
                        filters: {
                            from: string;
                            to: string;
                            days: number;
                            currency: string;
                            segment: string | null;
                            strategyVersionId: string | null;
                            arm: string | null;
                            collectorId: string | null;
                            buckets: number[];
                        };
                        dso: {
                            days: number;
                            endingArMinor: string;
                            currentArMinor: string;
                            creditSalesMinor: string;
                            simpleDso: number | null;
                            countbackDso: {
                                days: number;
                                complete: boolean;
                                monthsUsed: number;
                            };
                            bestPossibleDso: number | null;
                            averageDaysDelinquent: number | null;
                            months: {
                                month: string;
                                days: number;
                                salesMinor: string;
                            }[];
                        };
                    } | {
                        filters: {
                            from: string;
                            to: string;
                            days: number;
                            currency: string;
                            segment: string | null;
                            strategyVersionId: string | null;
                            arm: string | null;
                            collectorId: string | null;
                            buckets: number[];
                        };
                        cei: {
                            beginningArMinor: string;
                            creditSalesMinor: string;
                            endingTotalArMinor: string;
                            endingCurrentArMinor: string;
                            cei: number | null;
                        };
                    } | {
                        filters: {
                            from: string;
                            to: string;
                            days: number;
                            currency: string;
                            segment: string | null;
                            strategyVersionId: string | null;
                            arm: string | null;
                            collectorId: string | null;
                            buckets: number[];
                        };
                        recovery: {
                            overdueAtStartMinor: string;
                            collectedMinor: string;
                            recoveryRate: number | null;
                        };
                    } | {
                        filters: {
                            from: string;
                            to: string;
                            days: number;
                            currency: string;
                            segment: string | null;
                            strategyVersionId: string | null;
                            arm: string | null;
                            collectorId: string | null;
                            buckets: number[];
                        };
                        promises: {
                            keptCount: number;
                            brokenCount: number;
                            keptMinor: string;
                            brokenMinor: string;
                            byCount: number | null;
                            byAmount: number | null;
                        };
                    } | {
                        filters: {
                            from: string;
                            to: string;
                            days: number;
                            currency: string;
                            segment: string | null;
                            strategyVersionId: string | null;
                            arm: string | null;
                            collectorId: string | null;
                            buckets: number[];
                        };
                        productivity: {
                            rows: {
                                collectorId: string;
                                name: string;
                                email: string;
                                tasksClosed: number;
                                promisesObtained: number;
                                promisedMinor: string;
                                collectedMinor: string;
                            }[];
                        };
                    } | {
                        filters: {
                            from: string;
                            to: string;
                            days: number;
                            currency: string;
                            segment: string | null;
                            strategyVersionId: string | null;
                            arm: string | null;
                            collectorId: string | null;
                            buckets: number[];
                        };
                        forecast: {
                            startDate: string;
                            historyFrom: string;
                            totalMinor: string;
                            rates: {
                                bucketKey: string;
                                label: string;
                                collectedMinor: string;
                                baseMinor: string;
                                rate: number | null;
                            }[];
                            prediction: {
                                modelId: string;
                                asOf: string;
                                invoices: number;
                                openMinor: string;
                            } | null;
                            weeks: {
                                week: number;
                                startDate: string;
                                endDate: string;
                                promisesMinor: string;
                                plansMinor: string;
                                predictedMinor: string;
                                invoicesMinor: string;
                                totalMinor: string;
                            }[];
                        };
                    };
                    "text/csv": unknown;
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getFacts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The facts and operators. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        facts: {
                            name: string;
                            /** @enum {string} */
                            type: "number" | "string" | "boolean" | "date" | "list";
                            description: string;
                            unit?: string;
                            values?: string[];
                            nullable?: boolean;
                        }[];
                        operators: ("equal" | "notEqual" | "lessThan" | "lessThanInclusive" | "greaterThan" | "greaterThanInclusive" | "in" | "notIn" | "contains" | "doesNotContain")[];
                        operatorsByType: {
                            number: ("equal" | "notEqual" | "lessThan" | "lessThanInclusive" | "greaterThan" | "greaterThanInclusive" | "in" | "notIn" | "contains" | "doesNotContain")[];
                            string: ("equal" | "notEqual" | "lessThan" | "lessThanInclusive" | "greaterThan" | "greaterThanInclusive" | "in" | "notIn" | "contains" | "doesNotContain")[];
                            boolean: ("equal" | "notEqual" | "lessThan" | "lessThanInclusive" | "greaterThan" | "greaterThanInclusive" | "in" | "notIn" | "contains" | "doesNotContain")[];
                            date: ("equal" | "notEqual" | "lessThan" | "lessThanInclusive" | "greaterThan" | "greaterThanInclusive" | "in" | "notIn" | "contains" | "doesNotContain")[];
                            list: ("equal" | "notEqual" | "lessThan" | "lessThanInclusive" | "greaterThan" | "greaterThanInclusive" | "in" | "notIn" | "contains" | "doesNotContain")[];
                        };
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getAdminWorkflows: {
        parameters: {
            query?: {
                status?: "running" | "paused" | "completed" | "failed" | "terminated" | "canceled" | "timed-out" | "continued-as-new";
                strategyVersionId?: string;
                nodeId?: string;
                segment?: string;
                collectorId?: string;
                pageSize?: number;
                pageToken?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of workflows. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            accountId: string;
                            accountName: string | null;
                            workflowId: string;
                            runId: string;
                            /** @enum {string} */
                            status: "running" | "paused" | "completed" | "failed" | "terminated" | "canceled" | "timed-out" | "continued-as-new";
                            startedAt: string;
                            closedAt: string | null;
                            strategyVersionId: string | null;
                            strategyVersionLabel: string | null;
                            nodeId: string | null;
                            nodeLabel: string | null;
                            segment: string | null;
                            collectorId: string | null;
                            collectorName: string | null;
                            inspectorPath: string;
                        }[];
                        total: number | null;
                        nextPageToken: string | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getAdminWorkflowsFilterOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The filter options. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        strategyVersions: {
                            value: string;
                            label: string;
                            nodes: {
                                value: string;
                                label: string;
                            }[];
                        }[];
                        segments: string[];
                        collectors: {
                            value: string;
                            label: string;
                        }[];
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getAdminAccountsByIdWorkflow: {
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
            /** @description The inspection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account: {
                            id: string;
                            name: string;
                            externalRef: string;
                        };
                        workflow: {
                            workflowId: string;
                            runId: string;
                            /** @enum {string} */
                            status: "running" | "paused" | "completed" | "failed" | "terminated" | "canceled" | "timed-out" | "continued-as-new";
                            startedAt: string;
                            closedAt: string | null;
                        } | null;
                        state: {
                            nodeId: string;
                            nodeLabel: string | null;
                            strategyVersionId: string;
                            nextAction: {
                                kind: string;
                                at: string | null;
                                description: string;
                            } | null;
                            balance: {
                                amountMinor: string;
                                currency: string;
                            };
                            paused: {
                                since: string;
                                reason: string;
                                actorId: string;
                            } | null;
                        } | null;
                        stateError: string | null;
                        temporalUiUrl: string | null;
                        historyJsonPath: string;
                        actions: {
                            at: string;
                            /** @enum {string} */
                            action: "pause" | "resume" | "terminate";
                            reason: string;
                            actorId: string | null;
                            actorName: string | null;
                        }[];
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getAdminAccountsByIdTimeline: {
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
            /** @description The timeline, in history order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accountId: string;
                        entries: {
                            eventIds: string[];
                            at: string | null;
                            /** @enum {string} */
                            kind: "run" | "timer" | "activity" | "decision" | "message" | "admin" | "failure";
                            title: string;
                            summary: string;
                            matched?: string[];
                            facts?: {
                                [key: string]: unknown;
                            };
                            input?: unknown;
                            result?: unknown;
                        }[];
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postAdminAccountsByIdWorkflowPause: {
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
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The action as recorded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        at: string;
                        /** @enum {string} */
                        action: "pause" | "resume" | "terminate";
                        reason: string;
                        actorId: string | null;
                        actorName: string | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postAdminAccountsByIdWorkflowResume: {
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
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The action as recorded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        at: string;
                        /** @enum {string} */
                        action: "pause" | "resume" | "terminate";
                        reason: string;
                        actorId: string | null;
                        actorName: string | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postAdminAccountsByIdWorkflowTerminate: {
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
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The action as recorded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        at: string;
                        /** @enum {string} */
                        action: "pause" | "resume" | "terminate";
                        reason: string;
                        actorId: string | null;
                        actorName: string | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getAdminAccountsByIdHistory: {
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
            /** @description The history events, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accountId: string;
                        events: {
                            eventId: string;
                            eventTime: string | null;
                            eventType: string;
                            summary: string;
                            details: {
                                [key: string]: unknown;
                            };
                        }[];
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getAdminAccountsByIdHistoryJson: {
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
            /** @description The history as Temporal exports it (not described field by field here). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getAdminAudit: {
        parameters: {
            query?: {
                actorId?: string | "system";
                action?: string;
                entity?: string;
                entityId?: string;
                from?: string;
                to?: string;
                before?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of entries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            at: string;
                            actor: {
                                id: string;
                                name: string | null;
                                email: string | null;
                            } | null;
                            action: string;
                            entity: string;
                            entityId: string;
                            details: {
                                [key: string]: unknown;
                            };
                            prevHash: string | null;
                            hash: string;
                        }[];
                        nextBefore: string | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postAdminAuditVerify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many entries were verified, and the first broken one if any. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        verified: number;
                        firstBroken: {
                            id: string;
                            at: string;
                            /** @enum {string} */
                            reason: "hash-mismatch" | "prev-hash-mismatch";
                        } | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getAdminPaymentModels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The models. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        createdAt: string;
                        /** @enum {string} */
                        trigger: "schedule" | "admin";
                        requestedBy: string | null;
                        requestedByName: string | null;
                        learner: string;
                        dataFromDay: string;
                        dataToDay: string;
                        /** @enum {string} */
                        status: "active" | "inactive";
                        reason: string;
                        pinned: boolean;
                        activatedAt: string | null;
                        trainingExamples: number | null;
                        validationExamples: number | null;
                        validation: {
                            invoices: number;
                            lateAuc: number | null;
                            lateBrier: number | null;
                            veryLateAuc: number | null;
                            payDayMae: number | null;
                            intervalCoverage: number | null;
                        } | null;
                        importance: {
                            feature: string;
                            aucDrop: number;
                        }[];
                        comparison: {
                            invoices: number;
                            candidate: {
                                invoices: number;
                                lateAuc: number | null;
                                lateBrier: number | null;
                                veryLateAuc: number | null;
                                payDayMae: number | null;
                                intervalCoverage: number | null;
                            } | null;
                            incumbent: {
                                invoices: number;
                                lateAuc: number | null;
                                lateBrier: number | null;
                                veryLateAuc: number | null;
                                payDayMae: number | null;
                                intervalCoverage: number | null;
                            } | null;
                            incumbentName: string;
                            activate: boolean;
                            reason: string;
                        } | null;
                    }[];
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postAdminPaymentModelsRuns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    windowDays?: number | null;
                    /** @enum {string} */
                    learner?: "gradient-boosted-trees" | "random-forest";
                };
            };
        };
        responses: {
            /** @description The run was started. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        workflowId: string;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getAdminPaymentModelsRunsByWorkflowId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workflowId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        workflowId: string;
                        startedAt: string | null;
                        closedAt: string | null;
                        /** @constant */
                        status: "running";
                    } | {
                        workflowId: string;
                        startedAt: string | null;
                        closedAt: string | null;
                        /** @constant */
                        status: "completed";
                        result: {
                            modelId: string | null;
                            /** @enum {string} */
                            status: "active" | "inactive" | "skipped";
                            reason: string;
                            invoices: number;
                            scored: number | null;
                        };
                    } | {
                        workflowId: string;
                        startedAt: string | null;
                        closedAt: string | null;
                        /** @constant */
                        status: "failed";
                        message: string;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postAdminPaymentModelsByIdPin: {
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
                    pinned: boolean;
                };
            };
        };
        responses: {
            /** @description The model as it now stands. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        createdAt: string;
                        /** @enum {string} */
                        trigger: "schedule" | "admin";
                        requestedBy: string | null;
                        requestedByName: string | null;
                        learner: string;
                        dataFromDay: string;
                        dataToDay: string;
                        /** @enum {string} */
                        status: "active" | "inactive";
                        reason: string;
                        pinned: boolean;
                        activatedAt: string | null;
                        trainingExamples: number | null;
                        validationExamples: number | null;
                        validation: {
                            invoices: number;
                            lateAuc: number | null;
                            lateBrier: number | null;
                            veryLateAuc: number | null;
                            payDayMae: number | null;
                            intervalCoverage: number | null;
                        } | null;
                        importance: {
                            feature: string;
                            aucDrop: number;
                        }[];
                        comparison: {
                            invoices: number;
                            candidate: {
                                invoices: number;
                                lateAuc: number | null;
                                lateBrier: number | null;
                                veryLateAuc: number | null;
                                payDayMae: number | null;
                                intervalCoverage: number | null;
                            } | null;
                            incumbent: {
                                invoices: number;
                                lateAuc: number | null;
                                lateBrier: number | null;
                                veryLateAuc: number | null;
                                payDayMae: number | null;
                                intervalCoverage: number | null;
                            } | null;
                            incumbentName: string;
                            activate: boolean;
                            reason: string;
                        } | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postAdminPaymentModelsByIdActivate: {
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
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The model as it now stands. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        createdAt: string;
                        /** @enum {string} */
                        trigger: "schedule" | "admin";
                        requestedBy: string | null;
                        requestedByName: string | null;
                        learner: string;
                        dataFromDay: string;
                        dataToDay: string;
                        /** @enum {string} */
                        status: "active" | "inactive";
                        reason: string;
                        pinned: boolean;
                        activatedAt: string | null;
                        trainingExamples: number | null;
                        validationExamples: number | null;
                        validation: {
                            invoices: number;
                            lateAuc: number | null;
                            lateBrier: number | null;
                            veryLateAuc: number | null;
                            payDayMae: number | null;
                            intervalCoverage: number | null;
                        } | null;
                        importance: {
                            feature: string;
                            aucDrop: number;
                        }[];
                        comparison: {
                            invoices: number;
                            candidate: {
                                invoices: number;
                                lateAuc: number | null;
                                lateBrier: number | null;
                                veryLateAuc: number | null;
                                payDayMae: number | null;
                                intervalCoverage: number | null;
                            } | null;
                            incumbent: {
                                invoices: number;
                                lateAuc: number | null;
                                lateBrier: number | null;
                                veryLateAuc: number | null;
                                payDayMae: number | null;
                                intervalCoverage: number | null;
                            } | null;
                            incumbentName: string;
                            activate: boolean;
                            reason: string;
                        } | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getAdminApiTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tokens with their status as of now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            prefix: string;
                            user: {
                                id: string;
                                name: string;
                                email: string;
                                /** @enum {string} */
                                role: "admin" | "manager" | "collector";
                            };
                            scopes: ("accounts:read" | "accounts:write" | "invoices:write" | "payments:read" | "payments:write" | "tasks:read" | "tasks:write" | "kpis:read")[];
                            expiresAt: string | null;
                            lastUsedAt: string | null;
                            createdAt: string;
                            revokedAt: string | null;
                            /** @enum {string} */
                            status: "active" | "expired" | "revoked";
                        }[];
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postAdminApiTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** Format: uuid */
                    userId: string;
                    scopes: ("accounts:read" | "accounts:write" | "invoices:write" | "payments:read" | "payments:write" | "tasks:read" | "tasks:write" | "kpis:read")[];
                    expiresAt?: string | null;
                };
            };
        };
        responses: {
            /** @description The token and its secret. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: {
                            id: string;
                            name: string;
                            prefix: string;
                            user: {
                                id: string;
                                name: string;
                                email: string;
                                /** @enum {string} */
                                role: "admin" | "manager" | "collector";
                            };
                            scopes: ("accounts:read" | "accounts:write" | "invoices:write" | "payments:read" | "payments:write" | "tasks:read" | "tasks:write" | "kpis:read")[];
                            expiresAt: string | null;
                            lastUsedAt: string | null;
                            createdAt: string;
                            revokedAt: string | null;
                            /** @enum {string} */
                            status: "active" | "expired" | "revoked";
                        };
                        secret: string;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getAdminApiTokensScopes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The scopes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @enum {string} */
                            scope: "accounts:read" | "accounts:write" | "invoices:write" | "payments:read" | "payments:write" | "tasks:read" | "tasks:write" | "kpis:read";
                            description: string;
                        }[];
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    deleteAdminApiTokensById: {
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
            /** @description The token, now revoked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        prefix: string;
                        user: {
                            id: string;
                            name: string;
                            email: string;
                            /** @enum {string} */
                            role: "admin" | "manager" | "collector";
                        };
                        scopes: ("accounts:read" | "accounts:write" | "invoices:write" | "payments:read" | "payments:write" | "tasks:read" | "tasks:write" | "kpis:read")[];
                        expiresAt: string | null;
                        lastUsedAt: string | null;
                        createdAt: string;
                        revokedAt: string | null;
                        /** @enum {string} */
                        status: "active" | "expired" | "revoked";
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The users. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        /** @enum {string} */
                        role: "admin" | "manager" | "collector";
                        active: boolean;
                        managerId: string | null;
                        capacity: number;
                        skills: string[];
                        pools: string[];
                        createdAt: string;
                        signInLockedUntil: string | null;
                    }[];
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    name: string;
                    /** @enum {string} */
                    role: "admin" | "manager" | "collector";
                    password: string;
                    managerId?: string | null;
                };
            };
        };
        responses: {
            /** @description The user as created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        /** @enum {string} */
                        role: "admin" | "manager" | "collector";
                        active: boolean;
                        managerId: string | null;
                        capacity: number;
                        skills: string[];
                        pools: string[];
                        createdAt: string;
                        signInLockedUntil: string | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    patchUsersById: {
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
                    /** @enum {string} */
                    role?: "admin" | "manager" | "collector";
                    managerId?: string | null;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description The user as it now stands. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        /** @enum {string} */
                        role: "admin" | "manager" | "collector";
                        active: boolean;
                        managerId: string | null;
                        capacity: number;
                        skills: string[];
                        pools: string[];
                        createdAt: string;
                        signInLockedUntil: string | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postUsersByIdPassword: {
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
                    password: string;
                };
            };
        };
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        /** @enum {string} */
                        role: "admin" | "manager" | "collector";
                        active: boolean;
                        managerId: string | null;
                        capacity: number;
                        skills: string[];
                        pools: string[];
                        createdAt: string;
                        signInLockedUntil: string | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postUsersByIdUnlockSignIn: {
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
            /** @description The user, no longer locked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        /** @enum {string} */
                        role: "admin" | "manager" | "collector";
                        active: boolean;
                        managerId: string | null;
                        capacity: number;
                        skills: string[];
                        pools: string[];
                        createdAt: string;
                        signInLockedUntil: string | null;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postAdminTemporalCodecDecode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    payloads: {
                        metadata?: unknown;
                        data?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description The payloads decoded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        payloads: {
                            metadata: {
                                [key: string]: string;
                            };
                            data: string;
                        }[];
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    postAdminTemporalCodecEncode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    payloads: {
                        metadata?: unknown;
                        data?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description The payloads encoded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        payloads: {
                            metadata: {
                                [key: string]: string;
                            };
                            data: string;
                        }[];
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    getOpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        openapi: "3.1.0";
                        info: {
                            title: string;
                            version: string;
                        } & {
                            [key: string]: unknown;
                        };
                        paths: {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
}
