namespace Senningen.Node.Common.Audit;

/// <summary>What a capability tells the audit log; who and when are filled in by <see cref="AuditLog"/>.</summary>
public sealed record AuditRecord(
    string Action,
    string Outcome,
    IReadOnlyList<string>? Records = null,
    string? Purpose = null,
    string? CaseReference = null,
    string? Recipient = null,
    string? Detail = null);

/// <summary>Outcomes an entry can have.</summary>
public static class AuditOutcomes
{
    public const string Success = "success";
    public const string Denied = "denied";
    public const string Failed = "failed";
}

/// <summary>The stable action names of the audit log (the DPO filters on them).</summary>
public static class AuditActions
{
    public const string Login = "auth.login";
    public const string TokenIssued = "auth.token";
    public const string TokenRefreshed = "auth.refresh";
    public const string Logout = "auth.logout";
    public const string AccessDenied = "access.denied";
    public const string AuditRead = "audit.read";
    public const string AuditExport = "audit.export";
    public const string AuditVerify = "audit.verify";
    public const string AuditChainBroken = "audit.chain-broken";
    public const string AuditHeadsPublished = "audit.heads-published";
    public const string AuditHeadWitnessed = "audit.head-witnessed";
    public const string AuditHeadRefused = "audit.head-refused";
    public const string AuditHeadConfirmed = "audit.head-confirmed";
    public const string AuditHeadConfirmationRefused = "audit.head-confirmation-refused";
    public const string AuditWitnessAlarmAcknowledged = "audit.witness-alarm-acknowledge";
    public const string AuditHeadsThinned = "audit.heads-thinned";
    public const string AuditRestoreChecked = "audit.restore-checked";
    public const string AuditPruned = "audit.pruned";
    public const string UserCreate = "user.create";
    public const string UserRead = "user.read";
    public const string UserUnlock = "user.unlock";
    public const string UserAuthorisations = "user.authorisations";
    public const string UserExternalLogin = "user.external-login";
    public const string UserDemoRemoved = "user.demo-removed";
    public const string UserDisable = "user.disable";
    public const string UserEnable = "user.enable";
    public const string UserRoles = "user.roles";
    public const string UserSignOut = "user.sign-out";
    public const string LanguageChange = "user.language";
    public const string MessageSent = "exchange.sent";
    public const string MessageReceived = "exchange.received";
    public const string MessageRefused = "exchange.refused";
    public const string MessageDuplicate = "exchange.duplicate";
    public const string MessageRejected = "exchange.rejected";
    public const string MessageExpired = "exchange.expired";
    public const string MessageHandlingFailed = "exchange.handling-failed";
    public const string MessageParked = "exchange.parked";
    public const string MessageRetried = "exchange.retried";
    public const string MessageDropped = "exchange.dropped";
    public const string MessageRead = "exchange.read";
    public const string ExchangeResyncRequested = "exchange.resync-requested";
    public const string ExchangeResyncHonoured = "exchange.resync-honoured";
    public const string NodeKeyRotated = "exchange.key-rotated";
    public const string NodeKeyRevoked = "exchange.key-revoked";
    public const string PartnerKeysPinned = "exchange.partner-keys-pinned";
    public const string PartnerKeysRefused = "exchange.partner-keys-refused";
    public const string TransportRefused = "exchange.transport-refused";
    public const string OperationStarted = "operation.start";
    public const string OperationEnded = "operation.end";
    public const string OperationRead = "operation.read";
    public const string OperationCrossing = "operation.crossing";
    public const string AlertReceived = "alert.received";
    public const string AlertRead = "alert.read";
    public const string AlertAcknowledged = "alert.acknowledge";
    public const string AlertEscalated = "alert.escalate";
    public const string AnprCameraRegistered = "anpr.camera";
    public const string AnprHotlistImported = "anpr.hotlist-import";
    public const string AnprHotlistDeleted = "anpr.hotlist-delete";
    public const string AnprHotlistRead = "anpr.hotlist-read";
    public const string AnprHit = "anpr.hit";
    public const string AnprHitReceived = "anpr.hit-received";
    public const string AnprHitRead = "anpr.hit-read";
    public const string AnprHitAcknowledged = "anpr.hit-acknowledge";
    public const string AnprReadSearch = "anpr.read-search";
    public const string AnprReadsPurged = "anpr.reads-purged";
    public const string RetentionPurged = "retention.purged";
    public const string RetentionHoldPlaced = "retention.hold-placed";
    public const string RetentionHoldLifted = "retention.hold-lifted";
    public const string RetentionHoldsRead = "retention.holds-read";
    public const string RegistryGenerated = "registry.generate";
    public const string ConsultationDisclosed = "consultation.disclosed";
    public const string ConsultationSearched = "consultation.search";
    public const string ConsultationAnswerReceived = "consultation.answer-received";
    public const string ConsultationRead = "consultation.read";
    public const string ConsultationVolumeAlert = "consultation.volume-alert";
    public const string ConsultationQuotaAlert = "consultation.quota-alert";
    public const string RequestCreated = "request.create";
    public const string RequestStep = "request.step";
    public const string RequestStepReceived = "request.step-received";
    public const string RequestRead = "request.read";
    public const string RequestPaged = "request.page";
    public const string RequestEscalated = "request.escalate";
    public const string RequestDisclosed = "request.disclose";
    public const string StatisticsRead = "statistics.read";
    public const string StreamOpened = "stream.opened";

    public static IReadOnlyList<string> All { get; } =
        [Login, TokenIssued, TokenRefreshed, Logout, AccessDenied, AuditRead, AuditExport, AuditVerify, AuditChainBroken, AuditHeadsPublished, AuditHeadWitnessed, AuditHeadRefused,
         AuditHeadConfirmed, AuditHeadConfirmationRefused, AuditWitnessAlarmAcknowledged, AuditHeadsThinned, AuditRestoreChecked, AuditPruned, UserCreate, UserRead, UserUnlock, UserAuthorisations, UserExternalLogin, UserDemoRemoved,
         UserDisable, UserEnable, UserRoles, UserSignOut,
         LanguageChange, MessageSent, MessageReceived, MessageRefused, MessageDuplicate, MessageRejected, MessageExpired,
         MessageHandlingFailed, MessageParked, MessageRetried, MessageDropped, MessageRead, ExchangeResyncRequested, ExchangeResyncHonoured, NodeKeyRotated, NodeKeyRevoked, PartnerKeysPinned, PartnerKeysRefused, TransportRefused, OperationStarted, OperationEnded, OperationRead, OperationCrossing, AlertReceived,
         AlertRead, AlertAcknowledged, AlertEscalated, AnprCameraRegistered, AnprHotlistImported, AnprHotlistDeleted, AnprHotlistRead, AnprHit,
         AnprHitReceived, AnprHitRead, AnprHitAcknowledged, AnprReadSearch, AnprReadsPurged,
         RetentionPurged, RetentionHoldPlaced, RetentionHoldLifted, RetentionHoldsRead,
         RegistryGenerated, ConsultationDisclosed, ConsultationSearched, ConsultationAnswerReceived, ConsultationRead, ConsultationVolumeAlert, ConsultationQuotaAlert,
         RequestCreated, RequestStep, RequestStepReceived, RequestRead, RequestPaged, RequestEscalated, RequestDisclosed, StatisticsRead, StreamOpened];
}
