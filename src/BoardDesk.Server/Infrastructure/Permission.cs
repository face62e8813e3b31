namespace BoardDesk.Server.Infrastructure;

/// <summary>What an endpoint needs of its caller. <see cref="AccessPolicy"/> says which roles grant which.</summary>
public enum Permission
{
    /// <summary>Public material (published public papers, decisions, approved public minutes, organisations, reviews and the register) and signing in. Everyone, signed in or not.</summary>
    ReadPublic,

    /// <summary>One's own account: its password and API tokens. Anyone signed in.</summary>
    OwnAccount,

    /// <summary>A board's material, private items included: its papers, agendas, minutes, votes and actions.</summary>
    ReadBoard,

    /// <summary>Prepare meetings: agendas, attendance, papers, board packs and minutes.</summary>
    PrepareMeetings,

    /// <summary>Declare one's own interests.</summary>
    DeclareInterests,

    /// <summary>Cast a ballot as oneself, or for one's own organisation.</summary>
    Vote,

    /// <summary>Open and close votes and written procedures.</summary>
    ChairVotes,

    /// <summary>Record progress on actions and propose them for closure.</summary>
    UpdateActions,

    /// <summary>Close actions and update recommendations on the board's behalf.</summary>
    RecordBoardDecisions,

    /// <summary>Create and change organisations, reviews and machinery-of-government operations.</summary>
    AdministerOrganisations,

    /// <summary>Create accounts, grant roles, enable and disable accounts.</summary>
    AdministerAccounts,
}
