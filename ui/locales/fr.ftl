# Les écrans de DukaDesk en français. Le nom à gauche reste tel quel ;
# traduisez les mots à droite. { $name } est une valeur que l'app insère.
# { $count } est un nombre : un message peut choisir ses mots selon lui,
# comme { $count -> [one] … *[other] … } (les formes du pluriel).

## La navigation à gauche
nav-till = Caisse
nav-catalogue = Catalogue
nav-settings = Réglages
nav-inbox = Messages
nav-test-chat = Chat d'essai
nav-customers = Clients
nav-reports = Rapports
nav-resellers = Revendeurs
nav-lock = Verrouiller
nav-lock-title = Verrouiller la caisse ; le personnel se reconnecte avec son code PIN

## La caisse
till-search = Chercher un n° de commande ou un téléphone  ( / )
till-search-label = Chercher des commandes
till-new-order = Nouvelle commande
till-undo = Annuler
till-orders = Commandes
till-loading-orders = Chargement des commandes…
till-no-match = Aucune commande ne correspond. Appuyez sur 0 pour voir toutes les commandes, ou sur Esc dans la recherche pour l'effacer.
till-empty-no-items = Aucune commande pour l'instant. Ajoutez d'abord ce que vous vendez (Catalogue, Alt+2), puis appuyez sur n pour saisir une commande.
till-empty = Aucune commande pour l'instant. Appuyez sur n pour en saisir une.
# Le nombre d'articles d'une commande, dans sa ligne.
till-order-items =
    { $count ->
        [one] { $count } article
       *[other] { $count } articles
    }
till-pickup = Retrait
till-delivery = Livraison
till-filter-label = Filtrer par statut
till-filter-all = Toutes
till-filter-out-or-ready = En livraison ou prête
till-status-draft = Brouillon
till-status-awaiting-payment = En attente de paiement
till-status-payment-failed = Paiement échoué
till-status-paid = Payée
till-status-preparing = En préparation
till-status-out-for-delivery = En livraison
till-status-ready-for-pickup = Prête à retirer
till-status-delivered = Livrée
till-status-collected = Retirée
till-status-cancelled = Annulée
till-hints = Raccourcis clavier
till-hint-new-order = nouvelle commande
till-hint-search = chercher
till-hint-select = sélectionner
till-hint-advance = étape suivante
till-hint-cancel = annuler
till-hint-payment = paiement
till-hint-receipt = reçu
till-hint-filter = filtrer
till-hint-screens = écrans
till-hint-check-mpesa = vérifier M-Pesa
till-hint-settle-digital = crédit et forfaits

## Réglages
settings-title = Réglages
settings-sections = Rubriques des réglages
settings-group-shop = Votre boutique
settings-group-connections = Connexions
settings-group-people = Personnes et confidentialité
settings-group-computer = Cet ordinateur
settings-section-shop = Boutique
settings-section-hours = Horaires d'ouverture
settings-section-delivery = Zones de livraison
settings-section-mpesa = M-Pesa
settings-section-digital = Crédit et forfaits
settings-section-whatsapp = WhatsApp
settings-section-sync = Synchroniser les caisses
settings-section-staff = Personnel
settings-section-privacy = Confidentialité
settings-section-computer = Imprimante, secrets, mises à jour

## Réglages → Cet ordinateur
appearance-title = Apparence
theme-dark-on = Thème sombre : activé
theme-dark-off = Thème sombre : désactivé
language-title = Langue
language-hint = La langue des écrans de cette caisse. Les clients sur WhatsApp reçoivent toujours les réponses dans leur propre langue.
language-saved = Les écrans sont maintenant en { $language }.

## L'écran verrouillé
lock-who = Qui est à la caisse ?
lock-choose-name = Choisissez votre nom pour vous connecter.
lock-type-pin = { $name }, tapez votre code PIN
lock-delete-digit = Effacer le dernier chiffre
lock-enter = Valider
lock-owner = Propriétaire
lock-owner-type = Propriétaire, tapez votre mot de passe
lock-owner-password = Mot de passe du propriétaire
lock-sign-in = Se connecter
lock-foot = L'écran se verrouille tout seul après quelques minutes sans utilisation.

## Le catalogue
catalogue-show-archived = Afficher les archivés
catalogue-new-item = Nouvel article
catalogue-empty-press = Aucun article pour l'instant. Appuyez sur
catalogue-empty-to-add = pour ajouter le premier.
catalogue-archived = Archivé
catalogue-low = Bas
catalogue-col-name = Nom
catalogue-col-category = Catégorie
catalogue-col-price = Prix
catalogue-col-stock = Stock

## L'éditeur d'article
item-title-new = Nouvel article
item-title-edit = Modifier l'article
item-name = Nom
item-description = Description (facultative)
item-aliases = Autres noms (ex. maticha)
# { $currency } est le code de la devise de la boutique (MAD).
item-price = Prix ({ $currency })
item-kind = Type
item-kind-physical = Produits physiques
item-kind-airtime = Recharge
item-kind-bundle = Forfait internet
item-stock = Stock (vide = non compté)
item-low-stock = Alerter à partir de ce seuil (vide = jamais)
item-barcode = Code-barres (scannez-le ici, ou tapez les chiffres)
item-airtime-hint = La recharge est envoyée sur le téléphone du client, pour une valeur égale au prix.
item-megabytes = Taille (Mo)
item-validity = Validité (jours)
item-category = Catégorie
item-no-category = Sans catégorie
item-photo = Photo (facultative)
item-photo-alt = La photo de l'article
item-no-photo = Pas de photo
item-remove-photo = Retirer la photo
item-photo-hint = JPEG, PNG ou WebP. Les clients qui la demandent au bot la reçoivent sur WhatsApp.
item-photo-too-large = Ce fichier dépasse 20 Mo. Choisissez une photo plus petite, ou enregistrez-la à nouveau en taille réduite.
item-photo-unreadable = Impossible de lire ce fichier. Choisissez la photo à nouveau.
item-save = Enregistrer
item-archive = Archiver
item-restore = Restaurer
item-close = Fermer

## Le chat d'essai
test-chat-title = Chat d'essai
test-chat-intro = Mettez-vous à la place d'un client qui discute avec votre bot : il répond exactement comme sur WhatsApp, avec un M-Pesa simulé, donc aucun argent réel ne circule.
test-chat-phone-label = Chat d'essai avec votre bot
test-chat-subtitle = votre bot · chat d'essai
test-chat-empty = Dites bonjour comme le ferait un client, ou touchez une réponse rapide ci-dessous.
test-chat-input-label = Message en tant que client
test-chat-input-placeholder = Message
test-chat-send = Envoyer
test-chat-quick-replies = Réponses rapides
test-chat-settings = Réglages de l'essai
test-chat-phone = Téléphone du client d'essai
test-chat-phone-hint = Rien n'est envoyé à ce numéro : le bot le voit simplement comme celui du client.
test-chat-payment = Quand le bot demande M-Pesa, le client…
test-chat-payment-pays = paie
test-chat-payment-cancels = annule la demande
test-chat-payment-never = ne répond jamais
test-chat-airtime = Crédit simulé
test-chat-airtime-delivered = Livré
test-chat-airtime-fails = Échoue
test-chat-airtime-hint = Échoue : voyez ce qu'on dit au client quand son crédit ou son forfait ne peut pas être envoyé.
test-chat-start-over = Recommencer
test-chat-reset-done = Le chat d'essai recommence.
# Affichés après les touches Enter, r et Esc : « Enter envoie, r revient à la zone de message, Esc en sort. »
test-chat-keys-sends = envoie,
test-chat-keys-back = revient à la zone de message,
test-chat-keys-leave = en sort.

## Les messages
inbox-title = Messages
inbox-chats = Discussions
inbox-loading = Chargement des discussions…
inbox-empty = Aucune discussion pour l'instant. Essayez votre bot dans « Chat d'essai » (Alt+5).
inbox-channel-test-chat = Chat d'essai
inbox-unread =
    { $count ->
        [one] { $count } non lu
       *[other] { $count } non lus
    }
inbox-attention = À traiter
inbox-attention-title = Le client a demandé à parler à quelqu'un, ou un paiement est à traiter
inbox-staff = Personnel
inbox-staff-title = Le personnel répond ; le bot est en pause
inbox-pick = Choisissez une discussion avec ↑ ↓ (ou j k), ou cliquez dessus.
inbox-loading-chat = Chargement de la discussion…
inbox-no-messages = Aucun message pour l'instant.
# { $time } est une heure (14:30).
inbox-took-over = { $name } a pris la main · bot en pause jusqu'à { $time }
inbox-bot-paused = Bot en pause jusqu'à { $time }
inbox-bot-answering = Le bot répond
inbox-bot-answering-handed-back = Le bot répond · { $name } lui a rendu la main
inbox-take-over = Prendre la main
inbox-hand-back = Rendre au bot
inbox-bot-paused-toast = Vous avez pris cette discussion ; le bot est en pause.
inbox-bot-back-toast = Le bot répond de nouveau à cette discussion.
inbox-reply-label = Réponse
inbox-reply-placeholder = Tapez une réponse…  ( r )
inbox-send = Envoyer
inbox-reply-hint = Enter envoie, Shift+Enter passe à la ligne.
inbox-reply-hint-pauses = Enter envoie, Shift+Enter passe à la ligne. Répondre met le bot en pause pendant une heure.
inbox-hints = Raccourcis clavier
inbox-hint-chats = discussions
inbox-hint-reply = répondre
inbox-hint-send = envoyer
inbox-hint-new-line = nouvelle ligne
inbox-hint-leave-reply = quitter la réponse
inbox-hint-screens = écrans

## La liste de démarrage sur la caisse
start-title = Lancez votre boutique
start-title-ready = Votre boutique est prête
# { $count } est le nombre d'étapes faites sur les { $total }.
start-count =
    { $count ->
        [one] { $count } étape sur { $total } terminée
       *[other] { $count } étapes sur { $total } terminées
    }
start-folded =
    { $count ->
        [one] Premiers pas : { $count } étape sur { $total } terminée.
       *[other] Premiers pas : { $count } étapes sur { $total } terminées.
    }
start-unfold = Afficher la liste de démarrage
start-hide = Masquer
start-open = Ouvrir
start-items-title = Ajoutez ce que vous vendez
start-items-hint = Nom, prix et stock : quelques articles suffisent pour commencer.
start-test-chat-title = Commandez depuis le chat d'essai
start-test-chat-hint = Jouez le rôle d'un client face à votre bot et payez avec un M-Pesa fictif.
start-mpesa-title = Connectez M-Pesa
start-mpesa-hint = Votre numéro Till ou Paybill, ou IntaSend ou Daraja pour les demandes de paiement sur le téléphone.
start-whatsapp-title = Connectez votre WhatsApp
start-whatsapp-hint = Connectez cet ordinateur au WhatsApp de la boutique, comme WhatsApp Web.
start-share-title = Partagez le lien de votre boutique
start-share-hint = Copiez le lien ou imprimez une affiche avec son code QR.
start-link-whatsapp-first = Connectez d'abord WhatsApp : le lien ouvre une discussion avec le numéro WhatsApp de la boutique.
start-link-label = Le lien de votre boutique
start-copy-link = Copier le lien
start-link-copied = Lien de la boutique copié : collez-le dans votre statut WhatsApp, vos groupes et votre page Facebook.
start-link-press-ctrl-c = Appuyez sur Ctrl+C pour copier le lien sélectionné.
start-poster-a4 = Affiche (A4)
start-poster-a5 = Affiche (A5)
# { $path } est l'endroit où le fichier a été enregistré.
start-poster-saved = Affiche enregistrée : { $path }. Imprimez-la et placez-la là où les clients la verront.
start-nothing-saved = Rien n'a été enregistré : aucun emplacement n'a été choisi.

## Le crédit et les forfaits à régler, sur la caisse
# Le nombre d'envois de crédit ou de forfaits qui attendent le personnel, dans la bande orange.
digital-strip =
    { $count ->
        [one] { $count } recharge ou forfait a besoin de vous
       *[other] { $count } recharges ou forfaits ont besoin de vous
    }
digital-open = Régler maintenant
digital-panel-title = Crédit et forfaits à régler
digital-close = Fermer
digital-panel-hint = Un envoi échoué est dû au client : renvoyez-le (après avoir rechargé votre solde Africa's Talking), envoyez-le à la main depuis la ligne de la boutique, ou remboursez-le. Un envoi encore en attente dit ce qu'il attend.
digital-empty = Tout le crédit et tous les forfaits sont réglés.
digital-recipient-erased = numéro effacé
digital-simulated = Chat d'essai
digital-state-unpaid = Pas encore payé
digital-state-queued = En attente d'envoi
digital-state-sending = Envoi en cours
digital-state-sent = Envoyé, livraison en cours de vérification
digital-state-delivered = Livré
digital-state-failed = Échoué : remboursement dû
digital-state-refunded = Remboursé
digital-state-cancelled = Annulé
digital-waiting = Africa's Talking peut encore le livrer : rien à faire pour l'instant.
digital-send-again = Renvoyer
digital-sent-by-hand = Envoyé à la main
digital-refunded = Remboursé
digital-refund-note = Comment l'argent a été rendu
digital-refund-note-placeholder = Remboursement : code M-Pesa, ou espèces
digital-note-required = Indiquez comment l'argent a été rendu : le code M-Pesa du remboursement, ou espèces.
# { $number } est le numéro de la commande (1042) ; affiché après une décision.
digital-done-again = #{ $number } : nouvel envoi en cours.
digital-done-by-hand = #{ $number } marqué comme envoyé à la main.
digital-done-refunded = #{ $number } marqué comme remboursé.

## Réglages → Crédit et forfaits
digital-title = Crédit et forfaits (Africa's Talking)
digital-intro = Le crédit de communication et les forfaits internet que les clients achètent dans les chats sont envoyés sur leur téléphone par votre compte Africa's Talking. Le chat d'essai utilise toujours un fournisseur simulé.
digital-loading = Chargement…
digital-environment = Environnement
digital-env-sandbox = Sandbox (essais, rien n'arrive sur un téléphone)
digital-env-production = Production (crédit réel)
# { $url } est une adresse enregistrée qui n'est aucune de celles d'Africa's Talking.
digital-env-custom = Personnalisé : { $url }
digital-username = Nom d'utilisateur
digital-username-hint = Le nom d'utilisateur de votre application Africa's Talking ; sur la sandbox, c'est sandbox.
digital-api-key = Clé API
digital-api-key-placeholder = Depuis votre tableau de bord : Settings → API Key
digital-api-key-keep = enregistrée — laissez vide pour la garder
digital-api-key-saved = Une clé est enregistrée. Laissez ce champ vide pour la garder, ou collez-en une nouvelle.
digital-bundle-product = Produit des forfaits internet (facultatif)
digital-bundle-product-hint = Le nom du produit dans votre tableau de bord Africa's Talking. Laissez-le vide si vous ne vendez que du crédit.
digital-save = Enregistrer les réglages du crédit
digital-saved = Réglages du crédit enregistrés.
digital-test = Tester la connexion
digital-testing = Vérification…
digital-not-tested = Non testé : vérifiez les champs signalés ci-dessus.

## Revendeurs (qui amènent des clients et touchent une commission)
resellers-title = Revendeurs
resellers-add = Ajouter un revendeur
resellers-explain = Une discussion qui porte le code d'un revendeur (par son lien, ou tapé) lui attribue ses commandes pendant 30 jours. La commission reste en attente 7 jours après la commande, puis devient payable ; une commande annulée la reprend. Un revendeur peut demander « mes ventes » au bot depuis son numéro WhatsApp.
resellers-loading = Chargement des revendeurs…
resellers-empty = Aucun revendeur pour l'instant. Ajoutez les personnes qui vous amènent des clients : chacune reçoit un code et son propre lien vers la boutique.
resellers-retry = Réessayer
resellers-col-name = Nom
resellers-col-phone = Téléphone
resellers-col-code = Code
resellers-col-rule = Commission
resellers-col-orders = Commandes
resellers-col-sales = Ventes
resellers-col-pending = En attente
resellers-col-payable = Payable
resellers-col-paid = Versé
resellers-paused = En pause
resellers-paused-title = En pause : son code n'attribue plus de nouvelles commandes
# { $amount } est un montant (KES 10).
resellers-rule-per-unit = { $amount } par unité
resellers-pick = Choisissez un revendeur pour voir son lien et le payer.
reseller-form-new = Nouveau revendeur
reseller-form-edit = Modifier le revendeur
reseller-name = Nom
reseller-phone = Numéro WhatsApp
reseller-phone-hint = Depuis ce numéro, il peut demander au bot ses propres ventes et sa commission.
reseller-code = Code
reseller-code-placeholder = Laissez vide : un code est créé à partir du nom
reseller-rule = Commission
reseller-rule-percent = Un pourcentage des articles
reseller-rule-per-unit = Un montant par unité vendue
reseller-rate-percent = Pourcentage (%)
# { $currency } est le code de la devise de la boutique (KES).
reseller-rate-per-unit = Montant par unité ({ $currency })
reseller-active = Actif : son code lui attribue les nouvelles commandes
reseller-save = Enregistrer le revendeur
reseller-cancel = Annuler
reseller-saved = Revendeur { $name } enregistré.
reseller-edit = Modifier
reseller-link-label = Son lien vers la boutique
reseller-copy-link = Copier le lien
reseller-link-copied = Lien copié : envoyez-le à { $name } pour qu'il le partage avec ses clients.
reseller-qr-label = Code QR du lien de { $name } vers la boutique
reseller-link-hint = Un client qui ouvre le lien ou scanne le code démarre avec la boutique une discussion qui porte le code de ce revendeur.
reseller-no-link = Connectez WhatsApp pour obtenir un lien pour chaque revendeur. En attendant, ses clients peuvent envoyer ce message (ou seulement le code) au WhatsApp de la boutique :
reseller-greeting-label = Le message qu'envoient ses clients
reseller-copy-greeting = Copier le message
reseller-greeting-copied = Message copié.
reseller-link-whatsapp = Connecter WhatsApp
reseller-press-ctrl-c = Appuyez sur Ctrl+C pour copier le texte sélectionné.
payout-title = Payer { $name }
payout-payable = Payable maintenant : { $amount }
payout-pending = En attente : { $amount } (payable 7 jours après chaque commande)
payout-nothing = Rien n'est encore payable.
payout-negative = Plus a été versé que gagné (une commande a été annulée ensuite) : les nouvelles commissions comblent d'abord l'écart.
payout-amount = Montant
payout-method = Payé en
payout-method-cash = Espèces
payout-method-mpesa = M-Pesa
payout-receipt = Code M-Pesa
payout-save = Enregistrer le versement
payout-done = { $amount } versés à { $name } : versement enregistré.
