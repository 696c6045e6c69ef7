"""Built-in helpdesk adapters: Zendesk, Freshdesk and Chatwoot payloads -> case, through ``case_from_payload``.

Each is an ordinary plugin registered by the ``replydraft`` entry-point group, exactly like a third-party
adapter would be. What a helpdesk cannot know (remedies, the agent's name) comes from the payload's own
``replydraft`` object when the webhook body was customised to carry one, else from ``[adapters]`` in the config.
"""
