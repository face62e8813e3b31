using BoardDesk.Grains;

namespace BoardDesk.Actions;

/// <summary>One action agreed by a board, keyed by its id; it reminds its owner when due soon and when overdue.</summary>
[Alias("BoardDesk.Actions.IActionItemGrain")]
public interface IActionItemGrain : IGrainWithStringKey
{
    /// <summary>Records the action; refused when the id is used already.</summary>
    [Alias("CreateAsync")]
    Task<ActionDetails> CreateAsync(CreateAction command);

    /// <summary>Records the action as one effect of a decision; an effect id applied already is ignored.</summary>
    [Alias("CreateFromEffectAsync")]
    Task<ActionDetails> CreateFromEffectAsync(string effectId, CreateAction command);

    /// <summary>Adds a progress note, optionally moving it to in progress or proposed for closure.</summary>
    [Alias("UpdateAsync")]
    Task<ActionDetails> UpdateAsync(UpdateAction command);

    /// <summary>Defers it to a new due date.</summary>
    [Alias("DeferAsync")]
    Task<ActionDetails> DeferAsync(DeferAction command);

    /// <summary>Closes it: only the board does, at a held meeting of its own.</summary>
    [Alias("CloseAsync")]
    Task<ActionDetails> CloseAsync(CloseAction command);

    /// <summary>The action; <see cref="NotFoundException"/> when it does not exist.</summary>
    [Alias("GetAsync")]
    Task<ActionDetails> GetAsync();

    /// <summary>Every change the action has had, oldest first.</summary>
    [Alias("GetHistoryAsync")]
    Task<IReadOnlyList<RecordedChange>> GetHistoryAsync();
}
