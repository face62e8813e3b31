namespace BoardDesk.Recommendations;

/// <summary>The recorded leads whose work an owner holds now, found through the lineage.</summary>
/// <param name="Leads">Leads whose every recommendation belongs to the owner, whatever its function and date.</param>
/// <param name="Recorded">Leads with a function and date that belong to the owner, where those decide.</param>
internal sealed record OwnedLeads(IReadOnlyList<string> Leads, IReadOnlyList<RecordedLead> Recorded)
{
    /// <summary>Whether nothing belongs to the owner.</summary>
    public bool IsEmpty => Leads.Count == 0 && Recorded.Count == 0;
}
