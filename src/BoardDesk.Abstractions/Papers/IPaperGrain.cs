using BoardDesk.Grains;

namespace BoardDesk.Papers;

/// <summary>
/// A paper to a board, keyed by a slug (<c>nilds-ldib-2015-10</c>): its content in versions, its attachments and its
/// workflow draft, submitted, approved for circulation, published, or withdrawn.
/// </summary>
[Alias("BoardDesk.Papers.IPaperGrain")]
public interface IPaperGrain : IGrainWithStringKey
{
    /// <summary>Creates the paper as a draft, version 1; refused when it exists already.</summary>
    [Alias("CreateAsync")]
    Task<PaperDetails> CreateAsync(CreatePaper command);

    /// <summary>Creates this paper from another one, for another board or purpose ("for information" to the NQB).</summary>
    [Alias("ReuseAsync")]
    Task<PaperDetails> ReuseAsync(ReusePaper command);

    /// <summary>Revises the content as a new version; every earlier version is kept.</summary>
    [Alias("ReviseAsync")]
    Task<PaperDetails> ReviseAsync(RevisePaper command);

    /// <summary>Submits the draft for its meeting; flagged late when after the board's paper deadline.</summary>
    [Alias("SubmitAsync")]
    Task<PaperDetails> SubmitAsync();

    /// <summary>Approves the submitted paper for circulation to the board.</summary>
    [Alias("ApproveForCirculationAsync")]
    Task<PaperDetails> ApproveForCirculationAsync();

    /// <summary>Publishes the approved paper.</summary>
    [Alias("PublishAsync")]
    Task<PaperDetails> PublishAsync();

    /// <summary>Withdraws the paper.</summary>
    [Alias("WithdrawAsync")]
    Task<PaperDetails> WithdrawAsync(WithdrawPaper command);

    /// <summary>Attaches a file to the paper.</summary>
    [Alias("AddAttachmentAsync")]
    Task<PaperDetails> AddAttachmentAsync(AddAttachment command);

    /// <summary>An attachment's content; <see cref="NotFoundException"/> when there is none with that id.</summary>
    [Alias("GetAttachmentAsync")]
    Task<AttachmentContent> GetAttachmentAsync(string attachmentId);

    /// <summary>The content of one version.</summary>
    [Alias("GetVersionAsync")]
    Task<PaperVersion> GetVersionAsync(int number);

    /// <summary>Compares two versions line by line.</summary>
    [Alias("CompareAsync")]
    Task<PaperComparison> CompareAsync(int fromVersion, int toVersion);

    /// <summary>The paper as it is now; <see cref="NotFoundException"/> when it does not exist.</summary>
    [Alias("GetAsync")]
    Task<PaperDetails> GetAsync();

    /// <summary>Every change the paper has had, oldest first.</summary>
    [Alias("GetHistoryAsync")]
    Task<IReadOnlyList<RecordedChange>> GetHistoryAsync();
}
